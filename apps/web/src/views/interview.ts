/**
 * The interview: progress, the conversation (with feedback when the AI interviews), and the
 * message box with its "Record" button (or the voice panel). The same view serves both roles: the
 * human answers the AI's questions, or asks an AI candidate theirs.
 */
import { announce, focusElement, h, paragraphs } from "../dom";
import type { Feedback, QuestionStyle, QuestionType } from "../contract";
import { QUESTION_STYLE_LABELS, QUESTION_TYPE_LABELS, ROLE_LABELS, formatScore, scoreTone } from "../labels";
import { formatDuration } from "../microphone";
import { currentQuestion, personaText, progress, resultsKept, transcript, type InterviewModel, type TranscriptItem } from "../model";
import { answerState, SERVER_LIMITS } from "../validation";
import type { Caption } from "../captions";

export interface InterviewHandlers {
  onAnswer: (text: string) => void;
  onRecordStart: () => void;
  onRecordStop: () => void;
  onRecordCancel: () => void;
  /** Sends the recording that failed again (it is kept until sent or discarded). */
  onRecordRetry: () => void;
  onRecordDiscard: () => void;
  onEnd: () => void;
  onSwitchToVoice: () => void;
  onSwitchToText: () => void;
  onLeaveVoice: () => void;
  onToggleMic: () => void;
  onEnableAudio: () => void;
  onShowReport: () => void;
}

/** Handlers for the team's read-only view: it can end the interview, and open the finished one's report. */
export function reviewHandlers(onShowReport: () => void, onEnd: () => void): InterviewHandlers {
  const none = () => undefined;
  return {
    onAnswer: none, onRecordStart: none, onRecordStop: none, onRecordCancel: none, onRecordRetry: none, onRecordDiscard: none, onEnd,
    onSwitchToVoice: none, onSwitchToText: none, onLeaveVoice: none, onToggleMic: none, onEnableAudio: none, onShowReport,
  };
}

export interface InterviewOptions {
  /** Answers can be recorded: the server transcribes them and this browser can record. */
  recording: "available" | "needs-secure-page" | "off";
  /** Live voice (LiveKit) is configured. */
  voice: boolean;
  /** The hiring team is watching: the conversation and its progress; it cannot answer, but it can end the interview. */
  review?: boolean;
}

export type RecordingState =
  | { kind: "idle" }
  | { kind: "starting" }
  | { kind: "recording"; seconds: number }
  | { kind: "sending" }
  /** The recording could not be sent; it is kept for another try. */
  | { kind: "failed"; message: string };

const RUBRIC: (keyof Feedback["rubric"])[] = ["relevance", "depth", "clarity", "evidence"];
const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
const MIC_ICON =
  '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 14a3 3 0 0 0 3-3V6a3 3 0 0 0-6 0v5a3 3 0 0 0 3 3zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.9V21h2v-3.1a7 7 0 0 0 6-6.9z" fill="currentColor"/></svg>';

function itemKey(item: TranscriptItem) {
  return item.type === "message" ? `m:${item.role}:${item.questionId ?? ""}:${item.spoken}:${item.text}` : `f:${item.questionId}:${item.feedback.score}`;
}

/** Who speaks in a bubble, as the human sees it. */
export function speakerName(model: InterviewModel, role: "interviewer" | "candidate") {
  if (model.role === "interviewer") return role === "interviewer" ? "You" : (model.candidateName ?? "Candidate");
  return role === "interviewer" ? "Interviewer" : "You";
}

export function feedbackCard(item: Extract<TranscriptItem, { type: "feedback" }>) {
  const f = item.feedback;
  return h(
    "aside",
    { class: `feedback tone-${scoreTone(f.score)}`, "aria-label": `Feedback: ${item.scoreText}`, "data-question-id": item.questionId },
    h("div", { class: "feedback-head" }, h("span", { class: "feedback-title" }, "Feedback on your answer"), h("span", { class: "score-chip" }, h("strong", {}, formatScore(f.score)), "/10")),
    h("p", { class: "feedback-text" }, f.feedback),
    f.insufficient_evidence ? h("p", { class: "flag" }, "Not enough to judge: the answer gave nothing to score.") : null,
    h(
      "dl",
      { class: "rubric" },
      RUBRIC.map((k) =>
        h(
          "div",
          { class: "rubric-item" },
          h("dt", {}, k[0]!.toUpperCase() + k.slice(1)),
          h("dd", {}, h("span", { class: "meter", "aria-hidden": "true" }, h("span", { class: "meter-fill", style: `width:${Math.min(100, Math.max(0, f.rubric[k] * 10))}%` })), h("span", { class: "meter-value" }, formatScore(f.rubric[k]))),
        ),
      ),
    ),
  );
}

export function messageBubble(model: InterviewModel, item: Extract<TranscriptItem, { type: "message" }>, index?: number) {
  return h(
    "div",
    { class: `bubble ${item.role}${item.label ? " question" : ""}`, "data-role": item.role, ...(item.questionId ? { "data-question-id": item.questionId } : {}) },
    h(
      "p",
      { class: "bubble-meta" },
      h("span", { class: "who" }, speakerName(model, item.role)),
      item.label ? h("span", { class: "tag" }, item.label) : null,
      item.spoken ? h("span", { class: "tag spoken" }, "Spoken") : null,
    ),
    h("div", { class: "bubble-text", ...(index === undefined ? {} : { id: `msg-${index}` }) }, paragraphs(item.text)),
  );
}

export class InterviewView {
  readonly element: HTMLElement;
  private model: InterviewModel;
  private readonly log: HTMLElement;
  private rendered: string[] = [];
  private readonly title = h("h1", { id: "interview-title", tabindex: -1 });
  private readonly meta = h("p", { class: "meta" });
  private readonly progressText = h("span", { class: "progress-text" });
  private readonly phaseText = h("span", { class: "phase" });
  private readonly bar = h("div", { class: "progress", role: "progressbar", "aria-valuemin": 0, "aria-labelledby": "progress-label" });
  private readonly barFill = h("span", { class: "progress-fill" });
  private readonly dock = h("div", { class: "dock" });
  private readonly notice = h("div", { class: "notice subtle", role: "status", hidden: true, tabindex: -1 });
  private readonly error = h("div", { class: "form-summary", role: "alert", hidden: true, tabindex: -1 });
  private readonly label = h("label", { for: "answer" });
  private readonly textarea: HTMLTextAreaElement;
  private readonly counter = h("span", { class: "counter", id: "answer-counter" });
  private readonly sendButton = h("button", { type: "submit", class: "button primary" });
  private readonly recordButton = h("button", { type: "button", class: "button secondary", "data-action": "record", hidden: true });
  private readonly recordTimer = h("span", { class: "record-timer", role: "timer", hidden: true });
  private readonly recordCancel = h("button", { type: "button", class: "button ghost small", hidden: true }, "Cancel recording");
  private readonly recordFailure = h("div", { class: "record-failure", role: "alert", hidden: true });
  private readonly recordHint = h("p", { class: "hint", id: "record-hint", hidden: true });
  private readonly replyAudio = h("div", { class: "reply-audio", hidden: true });
  private readonly endButton = h("button", { type: "button", class: "button ghost small", "data-action": "end" }, "End interview");
  private readonly answerForm: HTMLFormElement;
  private readonly completeNotice = h("div", { class: "card complete-notice", hidden: true });
  private readonly reviewNotice = h(
    "p",
    { class: "notice subtle review-notice", role: "note" },
    "You are watching this interview as the hiring team. It is still in progress; this page follows it as it goes on. If the candidate has left it unfinished, end it to see the report on the answers so far.",
  );
  private thinking: HTMLElement | null = null;
  private streamText: HTMLElement | null = null;
  private voicePanel: HTMLElement | null = null;
  private replyUrl: string | null = null;
  private busy = false;
  private recording: RecordingState = { kind: "idle" };

  constructor(
    model: InterviewModel,
    private readonly handlers: InterviewHandlers,
    private readonly options: InterviewOptions = { recording: "off", voice: true },
  ) {
    this.model = model;
    this.bar.appendChild(this.barFill);
    this.log = h("div", { class: "log", role: "log", "aria-live": "polite", "aria-relevant": "additions", "aria-label": "Interview conversation" });

    const shortcut = isMac() ? "⌘ + Enter" : "Ctrl + Enter";
    this.textarea = h("textarea", {
      id: "answer",
      name: "answer",
      rows: 5,
      // No maxlength: it counts UTF-16 units, the server counts characters; the counter says when
      // an answer is over the limit and sending waits until it is not.
      "aria-describedby": "answer-help answer-counter",
    });
    this.textarea.addEventListener("input", () => this.updateCounter());
    this.textarea.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.submit();
      }
    });
    const voiceSwitch = h("button", { type: "button", class: "button ghost small", hidden: !options.voice }, "Continue by voice");
    voiceSwitch.addEventListener("click", () => handlers.onSwitchToVoice());

    this.recordButton.addEventListener("click", () => {
      if (this.recording.kind === "recording") handlers.onRecordStop();
      else if (this.recording.kind === "idle") handlers.onRecordStart();
    });
    this.recordCancel.addEventListener("click", () => handlers.onRecordCancel());
    if (options.recording === "available") this.recordButton.hidden = false;
    if (options.recording === "needs-secure-page") {
      this.recordHint.hidden = false;
      this.recordHint.textContent = "Spoken answers need microphone access, which browsers allow only on https pages or on localhost.";
    }

    this.answerForm = h(
      "form",
      { class: "card answer-form", novalidate: true, "aria-label": "Your message" },
      h("div", { class: "answer-head" }, this.label, voiceSwitch),
      this.textarea,
      h("div", { class: "answer-foot" }, h("span", { class: "hint", id: "answer-help" }, `Press ${shortcut} to send.`), this.counter),
      this.error,
      this.recordFailure,
      this.recordHint,
      h("div", { class: "actions" }, this.recordButton, this.recordTimer, this.recordCancel, this.sendButton),
    );
    this.answerForm.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submit();
    });
    this.endButton.addEventListener("click", () => this.confirmEnd());

    this.element = h(
      "section",
      { class: "view interview-view", "aria-labelledby": "interview-title" },
      h(
        "div",
        { class: "interview-head" },
        h("div", { class: "title-row" }, this.title, this.endButton),
        this.meta,
        h("div", { class: "progress-row", id: "progress-label" }, this.progressText, this.phaseText),
        this.bar,
      ),
      this.log,
      this.completeNotice,
      this.dock,
    );
    this.dock.append(this.notice, this.replyAudio, this.answerForm);
    if (options.review) this.meta.after(this.reviewNotice);
    this.render(model);
    this.updateCounter();
    this.setRecording({ kind: "idle" });
  }

  get current() {
    return this.model;
  }

  private get asInterviewer() {
    return this.model.role === "interviewer";
  }

  /** Brings the page up to date with the model; only new bubbles are added, so they are announced once. */
  render(model: InterviewModel) {
    this.model = model;
    const interviewer = this.asInterviewer;
    this.title.textContent = model.companyName ? `${model.jobTitle} · ${model.companyName}` : model.jobTitle;
    const engine = model.engine === "offline" ? "offline engine" : model.engine ? `${model.engine} engine` : "";
    if (interviewer) {
      this.meta.textContent = [ROLE_LABELS.interviewer, `${personaText(model.persona)}${model.candidateName ? `: ${model.candidateName}` : ""}`, engine].filter(Boolean).join(" · ");
    } else {
      const type = QUESTION_TYPE_LABELS[model.questionType as QuestionType] ?? model.questionType;
      const style = QUESTION_STYLE_LABELS[model.questionStyle as QuestionStyle]?.label ?? model.questionStyle;
      this.meta.textContent = `${type} interview · ${style} questions · ${model.engine === "offline" ? "offline interviewer" : `${model.engine} interviewer`}`;
    }
    this.label.textContent = interviewer ? "Your question" : "Your answer";
    this.textarea.placeholder = interviewer ? "Ask the candidate a question…" : "Type your answer…";
    if (!this.busy) this.sendButton.textContent = interviewer ? "Ask question" : "Send answer";
    this.answerForm.setAttribute("aria-label", interviewer ? "Your question" : "Your answer");

    const p = progress(model);
    this.progressText.textContent = p.text;
    this.phaseText.textContent = p.isFollowUp ? `${p.phase} · follow-up` : p.phase;
    this.bar.setAttribute("aria-valuemax", String(p.max));
    this.bar.setAttribute("aria-valuenow", String(model.status === "completed" ? p.max : interviewer ? p.step : p.step - 1));
    this.bar.setAttribute("aria-valuetext", `${p.text}${p.phase ? `, ${p.phase}` : ""}`);
    this.barFill.style.width = `${Math.round(p.fraction * 100)}%`;

    // The team's results stay with the team, even on an open server where the API shows them to anyone.
    const items = transcript(resultsKept(model) && !this.options.review ? { ...model, evaluations: [] } : model);
    const keys = items.map(itemKey);
    let same = 0;
    while (same < keys.length && same < this.rendered.length && keys[same] === this.rendered[same]) same++;
    const nodes = Array.from(this.log.querySelectorAll<HTMLElement>(":scope > [data-item]"));
    nodes.slice(same).forEach((n) => n.remove());
    items.slice(same).forEach((item, i) => {
      const node = item.type === "message" ? messageBubble(model, item, same + i) : feedbackCard(item);
      node.dataset.item = String(same + i);
      this.log.insertBefore(node, this.thinking);
    });
    this.rendered = keys;
    // The current question is what the answer box answers.
    const q = currentQuestion(model);
    this.log.querySelectorAll(".bubble.current").forEach((n) => n.classList.remove("current"));
    const currentIndex = items.findIndex((it) => it.type === "message" && it.isCurrent);
    if (currentIndex >= 0) this.log.querySelector(`[data-item="${currentIndex}"]`)?.classList.add("current");
    this.textarea.setAttribute("aria-describedby", `${q && currentIndex >= 0 ? `msg-${currentIndex} ` : ""}answer-help answer-counter`);

    const completed = model.status === "completed";
    const review = Boolean(this.options.review);
    this.dock.hidden = completed || review;
    this.endButton.hidden = completed;
    this.reviewNotice.hidden = completed;
    this.completeNotice.hidden = !completed;
    if (completed && !this.completeNotice.hasChildNodes()) {
      const kept = !review && resultsKept(model);
      const see = h("button", { type: "button", class: "button primary" }, review ? "See the report" : interviewer ? "See your coaching report" : kept ? "Finish" : "See your report");
      see.addEventListener("click", () => this.handlers.onShowReport());
      this.completeNotice.append(h("p", {}, "The interview is complete."), see);
    }
  }

  focusTitle() {
    focusElement(this.title);
  }

  focusAnswer() {
    if (!this.voicePanel) this.textarea.focus({ preventScroll: true });
  }

  setDraft(text: string) {
    this.textarea.value = text;
    this.updateCounter();
  }

  /** The human sent a message: show it at once, and the other side thinking. */
  beginTurn(pending: InterviewModel) {
    this.busy = true;
    this.hideError();
    this.hideNotice();
    this.render(pending);
    this.textarea.value = "";
    this.updateCounter();
    this.syncControls();
    const interviewer = this.asInterviewer;
    this.sendButton.textContent = interviewer ? "Waiting for the candidate…" : "Waiting for the interviewer…";
    this.log.setAttribute("aria-busy", "true");
    const who = interviewer ? speakerName(this.model, "candidate") : "Interviewer";
    this.thinking = h(
      "div",
      { class: `bubble ${interviewer ? "candidate" : "interviewer"} thinking`, "data-thinking": "true" },
      h("p", { class: "bubble-meta" }, h("span", { class: "who" }, who)),
      h(
        "div",
        { class: "bubble-text" },
        h("span", { class: "dots", "aria-hidden": "true" }, h("span"), h("span"), h("span")),
        h("span", { class: "thinking-label" }, interviewer ? "Thinking about your question…" : "Thinking about your answer…"),
      ),
    );
    this.log.appendChild(this.thinking);
    announce(interviewer ? "Question sent. The candidate is thinking." : "Answer sent. The interviewer is thinking.");
    this.scrollToEnd();
  }

  /** A piece of the reply as it is written. */
  token(text: string) {
    if (!this.thinking) return;
    if (!this.streamText) {
      this.thinking.classList.add("streaming");
      this.streamText = h("p", { "data-streaming": "true" });
      this.thinking.querySelector(".bubble-text")!.replaceChildren(this.streamText);
    }
    this.streamText.appendChild(document.createTextNode(text));
    this.scrollToEnd();
  }

  /** What is typed in the message box. */
  get draft() {
    return this.textarea.value;
  }

  /** The turn finished (or failed, with the model as it was, the text to put back and what went wrong). */
  endTurn(model: InterviewModel, failure?: { message?: string; draft: string }) {
    this.busy = false;
    this.thinking?.remove();
    this.thinking = null;
    this.streamText = null;
    this.render(model);
    this.log.setAttribute("aria-busy", "false");
    this.syncControls();
    this.sendButton.textContent = this.asInterviewer ? "Ask question" : "Send answer";
    if (failure) {
      this.setDraft(failure.draft);
      if (failure.message) this.showError(failure.message);
      return;
    }
    this.scrollToEnd();
    if (model.status !== "completed") {
      const p = progress(model);
      announce(this.asInterviewer ? "The candidate answered." : `${p.text}${p.isFollowUp ? ", follow-up" : ""}.`);
      this.focusAnswer();
    }
  }

  showError(message: string) {
    this.error.replaceChildren(h("p", {}, message));
    this.error.hidden = false;
    if (this.voicePanel) {
      this.voicePanel.querySelector(".voice-error")?.replaceChildren(h("p", {}, message));
      return;
    }
    this.textarea.focus();
  }

  hideError() {
    this.error.hidden = true;
  }

  /** Something the person should know that is not an error (the interview moved on elsewhere). */
  showNotice(message: string) {
    this.notice.replaceChildren(h("p", {}, message));
    this.notice.hidden = false;
  }

  hideNotice() {
    this.notice.hidden = true;
  }

  /** The message box's controls, from whether a turn is under way and what the recorder is doing. */
  private syncControls() {
    const recorder = this.recording.kind;
    // While speaking, typing is paused so one message is sent at a time.
    const speaking = recorder === "recording" || recorder === "sending";
    this.textarea.readOnly = this.busy || speaking;
    this.sendButton.disabled = this.busy || speaking;
    this.recordButton.disabled = this.busy || recorder === "starting" || recorder === "sending" || recorder === "failed";
  }

  // ------------------------------------------------------------------ recorded answers

  setRecording(state: RecordingState) {
    this.recording = state;
    const interviewer = this.asInterviewer;
    const idleText = interviewer ? "Record question" : "Record answer";
    const button = this.recordButton;
    button.classList.toggle("recording", state.kind === "recording");
    button.setAttribute("aria-pressed", String(state.kind === "recording"));
    const text = state.kind === "recording" ? "Stop and send" : state.kind === "starting" ? "Starting the microphone…" : state.kind === "sending" ? "Sending your recording…" : idleText;
    button.innerHTML = state.kind === "recording" ? '<span class="rec-dot" aria-hidden="true"></span>' : MIC_ICON;
    button.append(text);
    this.recordTimer.hidden = state.kind !== "recording";
    this.recordCancel.hidden = state.kind !== "recording";
    if (state.kind === "recording") {
      this.recordTimer.textContent = formatDuration(state.seconds);
      this.recordTimer.setAttribute("aria-label", `Recording, ${formatDuration(state.seconds)}`);
    }
    this.syncControls();
    if (state.kind === "failed") {
      const retry = h("button", { type: "button", class: "button primary small" }, "Send recording again");
      retry.addEventListener("click", () => this.handlers.onRecordRetry());
      const discard = h("button", { type: "button", class: "button ghost small" }, "Discard recording");
      discard.addEventListener("click", () => this.handlers.onRecordDiscard());
      this.recordFailure.replaceChildren(h("p", {}, state.message), h("p", { class: "hint" }, "Your recording is kept until it is sent or discarded."), h("div", { class: "actions" }, retry, discard));
      this.recordFailure.hidden = false;
      retry.focus();
    } else {
      this.recordFailure.hidden = true;
      this.recordFailure.replaceChildren();
    }
  }

  /** Plays the reply's speech; the player stays so it can be heard again. */
  playReply(url: string) {
    if (this.replyUrl) URL.revokeObjectURL(this.replyUrl);
    this.replyUrl = url;
    const audio = h("audio", { controls: true, src: url, preload: "auto", "aria-label": this.asInterviewer ? "The candidate's reply, spoken" : "The interviewer's reply, spoken" });
    this.replyAudio.replaceChildren(h("p", { class: "hint" }, this.asInterviewer ? "The candidate's reply, spoken:" : "The interviewer's reply, spoken:"), audio);
    this.replyAudio.hidden = false;
    // Autoplay may be refused (no recent click); the player's own button still works.
    void audio.play().catch(() => undefined);
  }

  // ------------------------------------------------------------------ ending early

  private confirmEnd() {
    const interviewer = this.asInterviewer;
    const review = Boolean(this.options.review);
    // The team sees the results, kept or not.
    const kept = !review && resultsKept(this.model);
    // Without results there are no evaluations to count: the candidate's answers are counted instead.
    const answered = interviewer
      ? this.model.messages.filter((m) => m.role === "interviewer").length
      : new Set(kept ? this.model.messages.filter((m) => m.role === "candidate" && m.question_id).map((m) => m.question_id) : this.model.evaluations.map((e) => e.question_id)).size;
    const questions = `${answered} question${answered === 1 ? "" : "s"}`;
    const person = interviewer ? "the interviewer" : (this.model.candidateName ?? "the candidate");
    const described = review
      ? `The report will cover the ${questions} ${interviewer ? "asked" : "answered"} so far, and ${person} will not be able to go on.`
      : `${
          interviewer
            ? `The coaching report will cover the ${questions} you asked.`
            : kept
              ? `Your answers to the ${questions} so far go to the hiring team.`
              : `The report will cover the ${questions} you answered so far.`
        } It cannot be continued afterwards.`;
    const confirm = h("button", { type: "submit", class: "button primary", value: "end" }, review || kept ? "End the interview" : interviewer ? "End and see coaching" : "End and see the report");
    const keep = h("button", { type: "submit", class: "button ghost", value: "keep" }, review ? "Leave it open" : "Keep going");
    const dialog = h(
      "dialog",
      { class: "dialog", "aria-labelledby": "end-title", "aria-describedby": "end-desc" },
      h("form", { method: "dialog", class: "dialog-form" }, h("h2", { id: "end-title" }, "End the interview now?"), h("p", { id: "end-desc" }, described), h("div", { class: "actions" }, confirm, keep)),
    );
    dialog.addEventListener("close", () => {
      const end = dialog.returnValue === "end";
      dialog.remove();
      if (end) {
        this.endButton.disabled = true;
        this.endButton.textContent = "Ending…";
        this.handlers.onEnd();
      } else this.endButton.focus();
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    // The safe choice has the focus: Enter does not end the interview by accident.
    keep.focus();
  }

  /** Ending failed: the interview goes on as it was. */
  endFailed(message: string) {
    this.endButton.disabled = false;
    this.endButton.textContent = "End interview";
    this.showError(message);
  }

  private submit() {
    if (this.busy || this.recording.kind === "recording" || this.recording.kind === "sending") return;
    const state = answerState(this.textarea.value);
    if (!state.canSend) {
      this.showError(state.error ?? (this.asInterviewer ? "Write a question before sending." : "Write an answer before sending."));
      return;
    }
    this.handlers.onAnswer(this.textarea.value);
  }

  private updateCounter() {
    const state = answerState(this.textarea.value);
    this.counter.textContent = state.counter;
    this.counter.classList.toggle("near-limit", state.nearLimit);
    this.counter.setAttribute("aria-label", `${state.length} of ${SERVER_LIMITS.answerChars} characters used`);
  }

  private scrollToEnd() {
    const last = this.thinking ?? (this.log.lastElementChild as HTMLElement | null);
    last?.scrollIntoView?.({ block: "nearest", behavior: window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
  }

  // ------------------------------------------------------------------ voice

  /** Replaces the message box with the voice panel. */
  showVoicePanel() {
    if (this.voicePanel) return this.voicePanel;
    const interviewer = this.asInterviewer;
    const mic = h("button", { type: "button", class: "button secondary", "data-action": "mic", "aria-pressed": "false" }, "Mute microphone");
    mic.addEventListener("click", () => this.handlers.onToggleMic());
    const toText = h("button", { type: "button", class: "button ghost" }, "Switch to text");
    toText.addEventListener("click", () => this.handlers.onSwitchToText());
    const leave = h("button", { type: "button", class: "button ghost danger" }, "Leave voice");
    leave.addEventListener("click", () => this.handlers.onLeaveVoice());
    const audio = h("button", { type: "button", class: "button primary", hidden: true, "data-action": "audio" }, interviewer ? "Turn on the candidate's audio" : "Turn on the interviewer's audio");
    audio.addEventListener("click", () => this.handlers.onEnableAudio());
    this.voicePanel = h(
      "section",
      { class: "card voice-panel", "aria-labelledby": "voice-title" },
      h("div", { class: "voice-head" }, h("span", { class: "voice-dot", "aria-hidden": "true" }), h("h2", { id: "voice-title" }, "Voice interview"), h("span", { class: "voice-status", role: "status" }, "Connecting…")),
      h("p", { class: "hint" }, interviewer ? "Ask your questions aloud. Live captions appear below." : "Speak your answers. Live captions appear below; feedback and progress update after each answer."),
      // Not a live region: the other side is heard, and each new message is announced from the log.
      h("ol", { class: "captions", "aria-label": "Live captions" }),
      h("div", { class: "voice-error", role: "alert" }),
      audio,
      h("div", { class: "actions" }, mic, toText, leave),
    );
    this.dock.replaceChildren(this.voicePanel);
    return this.voicePanel;
  }

  hideVoicePanel() {
    this.voicePanel = null;
    this.dock.replaceChildren(this.notice, this.replyAudio, this.answerForm);
  }

  setVoiceStatus(text: string, live = true) {
    const panel = this.voicePanel;
    if (!panel) return;
    panel.querySelector(".voice-status")!.textContent = text;
    panel.classList.toggle("live", live);
  }

  setMic(enabled: boolean) {
    const button = this.voicePanel?.querySelector<HTMLButtonElement>('[data-action="mic"]');
    if (!button) return;
    button.textContent = enabled ? "Mute microphone" : "Unmute microphone";
    button.setAttribute("aria-pressed", String(!enabled));
  }

  setAudioBlocked(blocked: boolean) {
    const button = this.voicePanel?.querySelector<HTMLButtonElement>('[data-action="audio"]');
    if (button) button.hidden = !blocked;
  }

  setVoiceError(message: string | null) {
    this.voicePanel?.querySelector(".voice-error")?.replaceChildren(...(message ? [h("p", {}, message)] : []));
  }

  setCaptions(captions: readonly Caption[]) {
    const list = this.voicePanel?.querySelector(".captions");
    if (!list) return;
    const other = this.asInterviewer ? speakerName(this.model, "candidate") : "Interviewer";
    list.replaceChildren(
      ...captions.map((c) => h("li", { class: `caption ${c.speaker}${c.final ? "" : " interim"}` }, h("span", { class: "who" }, c.speaker === "you" ? "You" : other), " ", c.text)),
    );
  }
}
