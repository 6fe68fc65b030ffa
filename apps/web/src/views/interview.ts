/** The interview: progress, the conversation with feedback, and the answer box (or voice panel). */
import { announce, focusElement, h, paragraphs } from "../dom";
import { QUESTION_STYLE_LABELS, QUESTION_TYPE_LABELS, formatScore, scoreTone } from "../labels";
import { currentQuestion, progress, transcript, type InterviewModel, type TranscriptItem } from "../model";
import type { Feedback, QuestionStyle, QuestionType } from "../types";
import { LIMITS, answerState } from "../validation";
import type { Caption } from "../captions";

export interface InterviewHandlers {
  onAnswer: (text: string) => void;
  onSwitchToVoice: () => void;
  onSwitchToText: () => void;
  onLeaveVoice: () => void;
  onToggleMic: () => void;
  onEnableAudio: () => void;
  onShowReport: () => void;
}

const RUBRIC: (keyof Feedback["rubric"])[] = ["relevance", "depth", "clarity", "evidence"];
const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

function itemKey(item: TranscriptItem) {
  return item.type === "message" ? `m:${item.role}:${item.questionId ?? ""}:${item.text}` : `f:${item.questionId}:${item.feedback.score}`;
}

export function feedbackCard(item: Extract<TranscriptItem, { type: "feedback" }>) {
  const f = item.feedback;
  return h(
    "aside",
    { class: `feedback tone-${scoreTone(f.score)}`, "aria-label": `Feedback: ${item.scoreText}`, "data-question-id": item.questionId },
    h("div", { class: "feedback-head" }, h("span", { class: "feedback-title" }, "Feedback on your answer"), h("span", { class: "score-chip" }, h("strong", {}, formatScore(f.score)), "/10")),
    h("p", { class: "feedback-text" }, f.feedback),
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

function messageBubble(item: Extract<TranscriptItem, { type: "message" }>, index: number) {
  const who = item.role === "interviewer" ? "Interviewer" : "You";
  return h(
    "div",
    { class: `bubble ${item.role}${item.label ? " question" : ""}`, "data-role": item.role, ...(item.questionId ? { "data-question-id": item.questionId } : {}) },
    h("p", { class: "bubble-meta" }, h("span", { class: "who" }, who), item.label ? h("span", { class: "tag" }, item.label) : null),
    h("div", { class: "bubble-text", id: `msg-${index}` }, paragraphs(item.text)),
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
  private readonly error = h("div", { class: "form-summary", role: "alert", hidden: true, tabindex: -1 });
  private readonly textarea: HTMLTextAreaElement;
  private readonly counter = h("span", { class: "counter", id: "answer-counter" });
  private readonly sendButton = h("button", { type: "submit", class: "button primary" }, "Send answer");
  private readonly answerForm: HTMLFormElement;
  private readonly completeNotice = h("div", { class: "card complete-notice", hidden: true });
  private thinking: HTMLElement | null = null;
  private streamText: HTMLElement | null = null;
  private voicePanel: HTMLElement | null = null;
  private busy = false;

  constructor(model: InterviewModel, private readonly handlers: InterviewHandlers) {
    this.model = model;
    this.bar.appendChild(this.barFill);
    this.log = h("div", { class: "log", role: "log", "aria-live": "polite", "aria-relevant": "additions", "aria-label": "Interview conversation" });

    const shortcut = isMac() ? "⌘ + Enter" : "Ctrl + Enter";
    this.textarea = h("textarea", {
      id: "answer",
      name: "answer",
      rows: 5,
      maxlength: LIMITS.answerChars,
      placeholder: "Type your answer…",
      "aria-describedby": "answer-help answer-counter",
    });
    this.textarea.addEventListener("input", () => this.updateCounter());
    this.textarea.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.submit();
      }
    });
    const voiceSwitch = h("button", { type: "button", class: "button ghost small" }, "Continue by voice");
    voiceSwitch.addEventListener("click", () => handlers.onSwitchToVoice());
    this.answerForm = h(
      "form",
      { class: "card answer-form", novalidate: true, "aria-label": "Your answer" },
      h("div", { class: "answer-head" }, h("label", { for: "answer" }, "Your answer"), voiceSwitch),
      this.textarea,
      h("div", { class: "answer-foot" }, h("span", { class: "hint", id: "answer-help" }, `Press ${shortcut} to send.`), this.counter),
      this.error,
      h("div", { class: "actions" }, this.sendButton),
    );
    this.answerForm.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submit();
    });

    this.element = h(
      "section",
      { class: "view interview-view", "aria-labelledby": "interview-title" },
      h(
        "div",
        { class: "interview-head" },
        this.title,
        this.meta,
        h("div", { class: "progress-row", id: "progress-label" }, this.progressText, this.phaseText),
        this.bar,
      ),
      this.log,
      this.completeNotice,
      this.dock,
    );
    this.dock.appendChild(this.answerForm);
    this.render(model);
    this.updateCounter();
  }

  get current() {
    return this.model;
  }

  /** Brings the page up to date with the model; only new bubbles are added, so they are announced once. */
  render(model: InterviewModel) {
    this.model = model;
    this.title.textContent = model.companyName ? `${model.jobTitle} · ${model.companyName}` : model.jobTitle;
    const type = QUESTION_TYPE_LABELS[model.questionType as QuestionType] ?? model.questionType;
    const style = QUESTION_STYLE_LABELS[model.questionStyle as QuestionStyle]?.label ?? model.questionStyle;
    this.meta.textContent = `${type} interview · ${style} questions · ${model.engine === "offline" ? "offline interviewer" : `${model.engine} interviewer`}`;
    const p = progress(model);
    this.progressText.textContent = p.text;
    this.phaseText.textContent = p.isFollowUp ? `${p.phase} · follow-up` : p.phase;
    this.bar.setAttribute("aria-valuemax", String(p.max));
    this.bar.setAttribute("aria-valuenow", String(model.status === "completed" ? p.max : p.step - 1));
    this.bar.setAttribute("aria-valuetext", `${p.text}${p.phase ? `, ${p.phase}` : ""}`);
    this.barFill.style.width = `${Math.round(p.fraction * 100)}%`;

    const items = transcript(model);
    const keys = items.map(itemKey);
    let same = 0;
    while (same < keys.length && same < this.rendered.length && keys[same] === this.rendered[same]) same++;
    const nodes = Array.from(this.log.querySelectorAll<HTMLElement>(":scope > [data-item]"));
    nodes.slice(same).forEach((n) => n.remove());
    items.slice(same).forEach((item, i) => {
      const node = item.type === "message" ? messageBubble(item, same + i) : feedbackCard(item);
      node.dataset.item = String(same + i);
      this.log.appendChild(node);
    });
    this.rendered = keys;
    // The current question is what the answer box answers.
    const q = currentQuestion(model);
    this.log.querySelectorAll(".bubble.current").forEach((n) => n.classList.remove("current"));
    const currentIndex = items.findIndex((it) => it.type === "message" && it.isCurrent);
    if (currentIndex >= 0) this.log.querySelector(`[data-item="${currentIndex}"]`)?.classList.add("current");
    this.textarea.setAttribute("aria-describedby", `${q && currentIndex >= 0 ? `msg-${currentIndex} ` : ""}answer-help answer-counter`);

    const completed = model.status === "completed";
    this.dock.hidden = completed;
    this.completeNotice.hidden = !completed;
    if (completed && !this.completeNotice.hasChildNodes()) {
      const see = h("button", { type: "button", class: "button primary" }, "See your report");
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

  /** The candidate sent an answer: show it at once and the interviewer thinking. */
  beginTurn(pending: InterviewModel) {
    this.busy = true;
    this.hideError();
    this.render(pending);
    this.textarea.value = "";
    this.updateCounter();
    this.textarea.readOnly = true;
    this.sendButton.disabled = true;
    this.sendButton.textContent = "Waiting for the interviewer…";
    this.log.setAttribute("aria-busy", "true");
    this.thinking = h(
      "div",
      { class: "bubble interviewer thinking", "data-thinking": "true" },
      h("p", { class: "bubble-meta" }, h("span", { class: "who" }, "Interviewer")),
      h("div", { class: "bubble-text" }, h("span", { class: "dots", "aria-hidden": "true" }, h("span"), h("span"), h("span")), h("span", { class: "thinking-label" }, "Thinking about your answer…")),
    );
    this.log.appendChild(this.thinking);
    announce("Answer sent. The interviewer is thinking.");
    this.scrollToEnd();
  }

  /** A piece of the next question as it is written. */
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

  /** The turn finished (or failed, with the model as it was and the answer to put back). */
  endTurn(model: InterviewModel, failure?: { message: string; draft: string }) {
    this.busy = false;
    this.thinking?.remove();
    this.thinking = null;
    this.streamText = null;
    this.render(model);
    this.log.setAttribute("aria-busy", "false");
    this.textarea.readOnly = false;
    this.sendButton.disabled = false;
    this.sendButton.textContent = "Send answer";
    if (failure) {
      this.setDraft(failure.draft);
      this.showError(failure.message);
      return;
    }
    this.scrollToEnd();
    if (model.status !== "completed") {
      const p = progress(model);
      announce(`${p.text}${p.isFollowUp ? ", follow-up" : ""}.`);
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

  private submit() {
    if (this.busy) return;
    const state = answerState(this.textarea.value);
    if (!state.canSend) {
      this.showError(state.error ?? "Write an answer before sending.");
      return;
    }
    this.handlers.onAnswer(this.textarea.value);
  }

  private updateCounter() {
    const state = answerState(this.textarea.value);
    this.counter.textContent = state.counter;
    this.counter.classList.toggle("near-limit", state.nearLimit);
    this.counter.setAttribute("aria-label", `${state.length} of ${LIMITS.answerChars} characters used`);
  }

  private scrollToEnd() {
    const last = this.thinking ?? (this.log.lastElementChild as HTMLElement | null);
    last?.scrollIntoView?.({ block: "nearest", behavior: window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
  }

  // ------------------------------------------------------------------ voice

  /** Replaces the answer box with the voice panel. */
  showVoicePanel() {
    if (this.voicePanel) return this.voicePanel;
    const mic = h("button", { type: "button", class: "button secondary", "data-action": "mic", "aria-pressed": "false" }, "Mute microphone");
    mic.addEventListener("click", () => this.handlers.onToggleMic());
    const toText = h("button", { type: "button", class: "button ghost" }, "Switch to text");
    toText.addEventListener("click", () => this.handlers.onSwitchToText());
    const leave = h("button", { type: "button", class: "button ghost danger" }, "Leave voice");
    leave.addEventListener("click", () => this.handlers.onLeaveVoice());
    const audio = h("button", { type: "button", class: "button primary", hidden: true, "data-action": "audio" }, "Turn on the interviewer's audio");
    audio.addEventListener("click", () => this.handlers.onEnableAudio());
    this.voicePanel = h(
      "section",
      { class: "card voice-panel", "aria-labelledby": "voice-title" },
      h("div", { class: "voice-head" }, h("span", { class: "voice-dot", "aria-hidden": "true" }), h("h2", { id: "voice-title" }, "Voice interview"), h("span", { class: "voice-status", role: "status" }, "Connecting…")),
      h("p", { class: "hint" }, "Speak your answers. Live captions appear below; feedback and progress update after each answer."),
      // Not a live region: the interviewer is heard, and each new question is announced from the log.
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
    this.dock.replaceChildren(this.answerForm);
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
    list.replaceChildren(
      ...captions.map((c) =>
        h("li", { class: `caption ${c.speaker}${c.final ? "" : " interim"}` }, h("span", { class: "who" }, c.speaker === "you" ? "You" : "Interviewer"), " ", c.text),
      ),
    );
  }
}

