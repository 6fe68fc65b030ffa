/**
 * The page controller: routes between set-up, interview, report, the team's page and invite
 * links, and drives the API.
 */
import { ApiError, createApiClient, isApiError, type Answer } from "./api";
import { AnswerAttempts, StartAttempts } from "./attempts";
import type { Health, JoinResponse, PublicInvite } from "./contract";
import { credentials } from "./credentials";
import { announce, focusElement, h, isPlainClick } from "./dom";
import { download, fileSlug } from "./download";
import { canRecord, micErrorMessage, recordingFileName, startRecording, VOICE_MIC_ADVICE, type Recording } from "./microphone";
import { applyTurn, currentQuestion, fromRecord, fromStart, progress, resultsKept, withPendingAnswer, type InterviewModel } from "./model";
import { followInterview, interviewSocket, type Follower } from "./live-updates";
import { createPoller } from "./poller";
import { TEAM_PATH, interviewPath, invitePath, reviewPath, routeFromLocation } from "./route";
import { applyServerLimits, fieldOfServerError, SERVER_LIMITS, setupFormData, validateSetup, type SetupFields } from "./validation";
import { apiKeyStore, askForApiKey, updateFooter } from "./views/api-key";
import { renderInvite, renderInviteRefusal, renderInviteResume, type InviteStartMode, type InviteView } from "./views/invite";
import { InterviewView, reviewHandlers, type InterviewOptions } from "./views/interview";
import { renderReport, renderThanks, type ReportFormat } from "./views/report";
import { renderSetup, type SetupView, type StartMode } from "./views/setup";
import { renderTeam } from "./views/team";
import { listFromSearch, listSearch } from "./team";
import type { VoiceSession } from "./voice";

const APP_NAME = "Interview practice";
/** How often a voice interview's page refreshes while its socket is not live. */
const VOICE_POLL_MS = 4000;
/**
 * How often the team's view of a running interview refreshes. It polls rather than opening the
 * interview's socket: an interview has one socket, and it is the candidate's.
 */
const REVIEW_POLL_MS = 5000;

function friendlyMessage(error: unknown): string {
  if (isApiError(error)) {
    if (error.code === "unauthorized") return error.details.tokenRefused ? error.message : "This server needs a valid API key. Try again to enter it.";
    return error.message;
  }
  return error instanceof Error && error.message ? error.message : "Something went wrong. Please try again.";
}

/** This browser's access token no longer opens the interview (continued from its invite link elsewhere, or erased). */
const tokenRefused = (error: unknown): error is ApiError => isApiError(error, "unauthorized") && error.details.tokenRefused === true;

/** The link opens nothing (unknown, expired, used up) or its interview is finished: said on a page of its own. */
const isInviteRefusal = (error: unknown): error is ApiError => isApiError(error) && (error.status === 403 || error.status === 404 || error.code === "interview_completed");

const voiceUnavailable = (error: unknown) =>
  isApiError(error) && (error.code === "voice_not_configured" || error.status === 404 || error.status === 501);

const voiceUnavailableMessage = (error: ApiError) =>
  error.code === "voice_not_configured" ? error.message : "Voice interviews are not available on this server. Text interviews work as usual.";

const STALE_NOTICE = "The interview had moved on (it was answered in another tab or by voice), so nothing was sent. Here is where it is now.";

export function startApp(main: HTMLElement) {
  const api = createApiClient({ getApiKey: () => apiKeyStore.get(), getAccessToken: (id) => credentials.accessTokens.get(id), onUnauthorized: askForApiKey });
  const newButton = document.getElementById("new-interview") as HTMLButtonElement | null;
  const attempts = new AnswerAttempts();
  const startAttempts = new StartAttempts();
  let interview: InterviewView | null = null;
  let voice: VoiceSession | null = null;
  let poller: ReturnType<typeof createPoller> | null = null;
  /** The voice interview's socket: turns reach the page as they are committed. */
  let follower: Follower | null = null;
  let recorder: { recording: Recording; timer: number } | null = null;
  /** A recording that could not be sent yet: kept until it is sent or discarded. */
  let pendingRecording: Blob | null = null;
  let generation = 0;
  // What this server offers; asked once. Unknown (an older server): voice as before, no extras.
  // Its limits are applied before any view that shows them is drawn (every view awaits this).
  const health: Promise<Health | null> = api.health().then(
    (h) => {
      // An older server does not say; its defaults stay.
      if (h.limits) applyServerLimits(h.limits);
      return h;
    },
    () => null,
  );

  updateFooter();
  newButton?.addEventListener("click", () => goHome());
  const navLink = (selector: string, go: () => void) =>
    document.querySelectorAll<HTMLAnchorElement>(selector).forEach((link) =>
      link.addEventListener("click", (event) => {
        if (!isPlainClick(event)) return;
        event.preventDefault();
        go();
      }),
    );
  navLink('[data-nav="home"]', () => goHome());
  navLink('[data-nav="team"]', () => navigate(TEAM_PATH));
  window.addEventListener("popstate", () => void route());

  function show(element: HTMLElement, title: string, opts: { home?: boolean; focus?: boolean; newButton?: boolean } = {}) {
    main.replaceChildren(element);
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
    if (newButton) newButton.hidden = opts.newButton === false || Boolean(opts.home);
    // A candidate opening an invite has no use for the team's page.
    const teamLink = document.getElementById("footer-team");
    if (teamLink) teamLink.hidden = opts.newButton === false;
    window.scrollTo(0, 0);
    if (opts.focus !== false) focusElement(element.querySelector<HTMLElement>("h1"), { preventScroll: true });
  }

  function navigate(path: string) {
    if (location.pathname + location.search !== path) history.pushState({}, "", path);
    void route();
  }

  async function route() {
    generation++;
    await leaveInterview();
    const where = routeFromLocation(location.pathname, location.search);
    if (where.view === "interview") return loadInterview(where.threadId);
    if (where.view === "team") return showTeam();
    if (where.view === "review") return loadReview(where.threadId);
    if (where.view === "invite") return showInvite(where.token);
    return showSetup();
  }

  function goHome(notice?: string) {
    if (location.pathname !== "/" || location.search) history.pushState({}, "", "/");
    generation++;
    void leaveInterview();
    void showSetup(undefined, notice);
  }

  /** Leaving the interview page: voice and any recording stop. */
  async function leaveInterview() {
    stopRecorder();
    pendingRecording = null;
    await stopVoice();
  }

  function loadingView(title: string) {
    return h("section", { class: "view loading", "aria-busy": "true" }, h("h1", { tabindex: -1 }, title), h("div", { class: "skeleton" }), h("div", { class: "skeleton short" }));
  }

  // ---------------------------------------------------------------- set-up

  async function showSetup(initial?: Partial<SetupFields>, notice?: string) {
    interview = null;
    const mine = generation;
    const offers = await health;
    if (mine !== generation) return;
    const setup = renderSetup({ onSubmit: (mode, fields, cv) => void start(setup, mode, fields, cv) }, initial, {
      roleReversal: offers?.role_reversal ?? false,
      voice: offers ? offers.voice : true,
    });
    if (notice) setup.element.querySelector(".intro")?.appendChild(h("p", { class: "notice subtle", role: "status" }, notice));
    show(setup.element, "", { home: true, focus: Boolean(notice) || document.activeElement !== document.body });
  }

  async function start(setup: SetupView, mode: StartMode, fields: SetupFields, cv: File | null) {
    setup.clearErrors();
    const errors = validateSetup(fields, cv);
    if (Object.keys(errors).length) return setup.showErrors(errors);
    setup.setBusy(mode);
    const mine = generation;
    try {
      if (mode === "text") {
        const turn = await api.startInterview(setupFormData(fields, cv), startAttempts.keyFor(fields, cv));
        startAttempts.settle();
        if (!(await openStarted(mine, turn.thread_id, () => fromStart(turn, fields), { read: false }))) return;
        interview?.focusAnswer();
        announce(
          turn.role === "interviewer"
            ? "The interview has started. The candidate is waiting for your first question."
            : "The interview has started. Read the first question and type your answer.",
        );
      } else {
        const join = await api.join(setupFormData(fields, cv));
        if (!(await openStarted(mine, join.thread_id, () => placeholder(join, fields.job_title, fields.company_name, fields)))) return;
        await startVoice(join);
      }
    } catch (error) {
      // The server answered: the form was refused, so sending it again is a new start. A start whose
      // reply was lost keeps its key, so sending the same form again opens the same interview.
      if (!isApiError(error, "network_error") && !isApiError(error, "idempotency_in_progress")) startAttempts.settle();
      if (mine !== generation) return;
      setup.setBusy(null);
      if (mode === "voice" && voiceUnavailable(error)) return setup.showVoiceUnavailable(voiceUnavailableMessage(error as ApiError));
      const message = friendlyMessage(error);
      const field = isApiError(error) ? fieldOfServerError(error.code, error.message) : undefined;
      setup.showErrors(field ? { [field]: message } : {}, message);
    }
  }

  /**
   * Shows an interview that has just started, at its own address: as the server has it, or as
   * `known` says (the start's reply, or what the form said) when it cannot be read yet or, with
   * `read: false`, when the reply says all there is. False when the page has moved on meanwhile.
   */
  async function openStarted(mine: number, threadId: string, known: () => InterviewModel, { read = true } = {}): Promise<boolean> {
    if (mine !== generation) return false;
    history.pushState({}, "", interviewPath(threadId));
    const model = read ? await api.getInterview(threadId).then(fromRecord, known) : known();
    if (mine !== generation) return false;
    await showInterview(model);
    return true;
  }

  /** Until the voice agent has started the interview, all we know is what the form said. */
  function placeholder(join: JoinResponse, jobTitle: string, company: string, fields?: Partial<SetupFields>): InterviewModel {
    return {
      threadId: join.thread_id,
      role: join.role,
      status: join.role === "interviewer" ? "awaiting_question" : "question",
      currentStep: join.role === "interviewer" ? 0 : 1,
      maxSteps: Number(fields?.max_step) || 5,
      jobTitle: jobTitle.trim(),
      // Replaced by the interview's record once the agent has started it.
      forJob: false,
      ...(company.trim() ? { companyName: company.trim() } : {}),
      questionType: fields?.question_type ?? "mixed",
      questionStyle: fields?.question_style ?? "adaptive",
      phase: "intro",
      engine: "",
      endedEarly: false,
      // Known once the interview is read back; until then nothing of the results is shown anyway.
      resultsShared: true,
      questions: [],
      messages: [],
      evaluations: [],
    };
  }

  // ---------------------------------------------------------------- interview

  async function loadInterview(threadId: string) {
    const mine = generation;
    show(loadingView("Loading your interview…"), "Loading", { focus: false });
    try {
      const model = fromRecord(await api.getInterview(threadId));
      if (mine !== generation) return;
      if (model.status === "completed") showReport(model);
      else {
        await showInterview(model);
        announce(`Welcome back. ${progress(model).text}.`);
      }
    } catch (error) {
      if (mine !== generation) return;
      showLoadFailure(error, () => void loadInterview(threadId), threadId);
    }
  }

  function showLoadFailure(error: unknown, tryAgain: () => void, threadId?: string) {
    if (tokenRefused(error)) return showTokenRetired(error, threadId);
    const missing = isApiError(error, "not_found");
    const retry = h("button", { type: "button", class: "button secondary" }, "Try again");
    retry.addEventListener("click", tryAgain);
    const fresh = h("button", { type: "button", class: "button primary" }, "Start a new interview");
    fresh.addEventListener("click", () => goHome());
    show(
      h(
        "section",
        { class: "view" },
        h("h1", { tabindex: -1 }, missing ? "Interview not found" : "Could not load the interview"),
        h("div", { class: "card", role: "alert" }, h("p", {}, missing ? "There is no interview at this link. It may have been erased." : friendlyMessage(error)), h("div", { class: "actions" }, fresh, missing ? null : retry)),
      ),
      "Not found",
    );
  }

  /**
   * This browser's token for the interview was retired: the candidate went on from the invite link
   * elsewhere (or the interview was erased). The link, if this browser started from it, brings the
   * interview back here; trying again or starting some other interview would not help.
   */
  function showTokenRetired(error: ApiError, threadId: string | undefined, unsent?: string) {
    interview = null;
    void stopVoice();
    const link = threadId ? credentials.inviteLinks.get(threadId) : null;
    const back = link ? h("a", { class: "button primary", href: invitePath(link) }, "Continue the interview here") : null;
    show(
      h(
        "section",
        { class: "view" },
        h("h1", { tabindex: -1 }, "This browser can no longer open the interview"),
        h(
          "div",
          { class: "card", role: "alert" },
          h("p", {}, error.message),
          // What was typed here is not lost with the page: the candidate can copy it before going on.
          unsent?.trim() ? [h("p", {}, "This text was not sent. Copy it if you want to use it:"), h("blockquote", { class: "unsent-answer" }, unsent)] : null,
          back ? h("div", { class: "actions" }, back) : null,
        ),
      ),
      "Interview elsewhere",
      { newButton: false },
    );
  }

  /** The hiring team's view of an interview: it follows the candidate, and can end an interview left unfinished. */
  async function loadReview(threadId: string) {
    const mine = generation;
    show(loadingView("Loading the interview…"), "Loading", { focus: false });
    let model: InterviewModel;
    try {
      model = fromRecord(await api.getInterview(threadId));
    } catch (error) {
      if (mine === generation) showLoadFailure(error, () => void loadReview(threadId));
      return;
    }
    if (mine !== generation) return;
    if (model.status === "completed") return showReport(model, true);
    const endForTeam = async () => {
      try {
        await api.endInterview(threadId);
      } catch (error) {
        // Finished meanwhile (the candidate's last answer): the report is there all the same.
        if (!isApiError(error, "interview_completed")) {
          if (mine === generation) watching.endFailed(friendlyMessage(error));
          return;
        }
      }
      if (mine !== generation) return;
      poller?.stop();
      const ended = await api.getInterview(threadId).then(fromRecord, () => ({ ...watching.current, status: "completed" as const }));
      if (mine !== generation) return;
      announce("The interview has ended. Here is the report.");
      showReport(ended, true);
    };
    const watching: InterviewView = new InterviewView(model, reviewHandlers(() => showReport(watching.current, true), () => void endForTeam()), { recording: "off", voice: false, review: true });
    show(watching.element, titleFor(model));
    poller = createPoller({
      intervalMs: REVIEW_POLL_MS,
      poll: async () => {
        const next = fromRecord(await api.getInterview(threadId));
        if (mine !== generation) return;
        watching.render(next);
        document.title = `${titleFor(next)} · ${APP_NAME}`;
        if (next.status === "completed") poller?.stop();
      },
    });
    poller.start();
  }

  async function interviewOptions(): Promise<InterviewOptions> {
    const offers = await health;
    return {
      recording: offers?.speech.transcription ? (canRecord() ? "available" : "needs-secure-page") : "off",
      voice: offers ? offers.voice : true,
    };
  }

  async function showInterview(model: InterviewModel) {
    const options = await interviewOptions();
    interview = new InterviewView(
      model,
      {
        onAnswer: (text) => void answer(text),
        onRecordStart: () => void recordStart(),
        onRecordStop: () => void recordStop(),
        onRecordCancel: () => {
          stopRecorder();
          interview?.setRecording({ kind: "idle" });
          announce("Recording cancelled.");
        },
        onRecordRetry: () => void sendRecording(),
        onRecordDiscard: () => {
          pendingRecording = null;
          interview?.setRecording({ kind: "idle" });
          announce("Recording discarded.");
        },
        onEnd: () => void endInterview(),
        onSwitchToVoice: () => void switchToVoice(),
        onSwitchToText: () => void switchToText(),
        onLeaveVoice: () => void switchToText(),
        onToggleMic: () => void toggleMic(),
        onEnableAudio: () => void voice?.startAudio().catch(() => undefined),
        onShowReport: () => void finish(),
      },
      options,
    );
    show(interview.element, titleFor(model));
  }

  const titleFor = (model: InterviewModel) => `${progress(model).text} — ${model.jobTitle}`;

  const answer = async (text: string) => void (await sendTurn({ text }, text));

  /**
   * Sends one message (typed or recorded) and shows the reply. Each answer carries its question's
   * id and an Idempotency-Key that a retry of the same answer reuses, so it counts once.
   * Resolves with what went wrong, or null when it was answered.
   */
  async function sendTurn(message: Answer, draft: string): Promise<string | null> {
    const view = interview;
    if (!view) return "The interview is no longer open.";
    const before = view.current;
    const spoken = "audio" in message;
    const questionId = currentQuestion(before)?.id;
    const key = attempts.keyFor(before.threadId, questionId, spoken ? message.audio : message.text);
    const kept = spoken ? view.draft : draft;
    view.beginTurn(withPendingAnswer(before, spoken ? "Transcribing your recording…" : draft, spoken ? "audio" : undefined));
    try {
      const turn = await api.continueInterview(before.threadId, message, { questionId, idempotencyKey: key, onToken: (t) => view.token(t) });
      attempts.settle();
      const next = applyTurn(before, draft, turn);
      if (view !== interview) return null;
      view.endTurn(next);
      if (spoken && kept) view.setDraft(kept);
      document.title = `${titleFor(next)} · ${APP_NAME}`;
      if (turn.audio_url) void api.replyAudio(before.threadId, turn.audio_url).then((blob) => view === interview && view.playReply(URL.createObjectURL(blob)), () => undefined);
      if (next.status === "completed") {
        announce("The interview is complete. Here is your report.");
        await finish(next);
      }
      return null;
    } catch (error) {
      if (view !== interview) return null;
      if (tokenRefused(error)) {
        showTokenRetired(error, before.threadId, spoken ? kept : draft);
        return null;
      }
      if (isApiError(error, "idempotency_mismatch")) attempts.settle();
      // The answer may have been recorded even if the reply was lost: ask the server.
      const synced = await api.getInterview(before.threadId).then(fromRecord, () => null);
      if (view !== interview) return null;
      if (isApiError(error, "stale_question") && synced) {
        attempts.settle();
        view.endTurn(synced, { draft: kept });
        view.showNotice(STALE_NOTICE);
        announce(STALE_NOTICE);
        if (synced.status === "completed") showReport(synced);
        return spoken ? "The interview had moved on. Send the recording as the answer to the current question, or discard it." : null;
      }
      if (synced && synced.messages.length > before.messages.length) {
        attempts.settle();
        view.endTurn(synced);
        if (synced.status === "completed") showReport(synced);
        return null;
      }
      const text = friendlyMessage(error);
      view.endTurn(synced ?? before, spoken ? { draft: kept } : { message: text, draft });
      return text;
    }
  }

  // ---------------------------------------------------------------- recorded answers

  function stopRecorder() {
    if (!recorder) return;
    window.clearInterval(recorder.timer);
    recorder.recording.cancel();
    recorder = null;
  }

  async function recordStart() {
    const view = interview;
    if (!view || recorder) return;
    view.hideError();
    view.setRecording({ kind: "starting" });
    let recording: Recording;
    try {
      recording = await startRecording();
    } catch (error) {
      if (view !== interview) return;
      view.setRecording({ kind: "idle" });
      view.showError(micErrorMessage(error));
      return;
    }
    if (view !== interview) return recording.cancel();
    const started = Date.now();
    const timer = window.setInterval(() => {
      const seconds = Math.floor((Date.now() - started) / 1000);
      // The API takes up to five minutes per answer: stop and send there rather than be refused.
      if (seconds >= SERVER_LIMITS.recordingSeconds) void recordStop();
      else view.setRecording({ kind: "recording", seconds });
    }, 1000);
    recorder = { recording, timer };
    view.setRecording({ kind: "recording", seconds: 0 });
    announce("Recording. Choose “Stop and send” when you have finished.");
  }

  async function recordStop() {
    const view = interview;
    const current = recorder;
    if (!view || !current) return;
    window.clearInterval(current.timer);
    recorder = null;
    view.setRecording({ kind: "sending" });
    let blob: Blob;
    try {
      blob = await current.recording.stop();
    } catch (error) {
      view.setRecording({ kind: "idle" });
      view.showError((error as Error).message);
      return;
    }
    if (blob.size === 0) {
      view.setRecording({ kind: "idle" });
      view.showError("Nothing was recorded. Check the microphone and record the answer again.");
      return;
    }
    pendingRecording = blob;
    await sendRecording();
  }

  async function sendRecording() {
    const view = interview;
    const blob = pendingRecording;
    if (!view || !blob) return;
    view.setRecording({ kind: "sending" });
    const offers = await health;
    const failure = await sendTurn({ audio: blob, filename: recordingFileName(blob.type), tts: offers?.speech.voice_replies === true }, "");
    if (view !== interview) return;
    if (failure === null) {
      pendingRecording = null;
      view.setRecording({ kind: "idle" });
    } else view.setRecording({ kind: "failed", message: failure });
  }

  // ---------------------------------------------------------------- ending

  async function endInterview() {
    const view = interview;
    if (!view) return;
    stopRecorder();
    const before = view.current;
    try {
      const turn = await api.endInterview(before.threadId);
      await stopVoice();
      if (view !== interview) return;
      const model = await api
        .getInterview(before.threadId)
        .then(fromRecord, (): InterviewModel => ({ ...before, status: "completed", endedEarly: true, ...(turn.final_evaluation ? { finalEvaluation: turn.final_evaluation } : {}) }));
      if (view !== interview) return;
      announce("The interview has ended. Here is the report.");
      showReport(model);
    } catch (error) {
      if (view === interview) view.endFailed(friendlyMessage(error));
    }
  }

  /** The report, with everything the server knows now (the coaching, for a human interviewer). */
  async function finish(known?: InterviewModel) {
    await stopVoice();
    const current = known ?? interview?.current;
    if (!current) return;
    const model = await api.getInterview(current.threadId).then(fromRecord, () => current);
    showReport(model);
  }

  // ---------------------------------------------------------------- voice

  async function switchToVoice() {
    const view = interview;
    if (!view) return;
    // The thread id alone resumes the interview by voice, at its current question.
    const form = new FormData();
    form.append("thread_id", view.current.threadId);
    try {
      const join = await api.join(form);
      if (view !== interview) return;
      await startVoice(join);
    } catch (error) {
      if (view !== interview) return;
      if (tokenRefused(error)) return showTokenRetired(error, view.current.threadId);
      view.showError(voiceUnavailable(error) ? voiceUnavailableMessage(error as ApiError) : friendlyMessage(error));
    }
  }

  async function startVoice(join: JoinResponse) {
    const view = interview;
    if (!view) return;
    stopRecorder();
    view.showVoicePanel();
    const refresh = async () => {
      let model: InterviewModel;
      try {
        model = fromRecord(await api.getInterview(join.thread_id));
      } catch (error) {
        // The interview went on from its invite link elsewhere: this page stops following it.
        if (view === interview && tokenRefused(error)) return showTokenRetired(error, join.thread_id);
        throw error;
      }
      if (view !== interview) return;
      const before = view.current;
      view.render(model);
      if (model.messages.length !== before.messages.length) document.title = `${titleFor(model)} · ${APP_NAME}`;
      if (model.status === "completed") {
        view.setVoiceStatus("Interview complete", false);
        poller?.stop();
      }
    };
    poller = createPoller({ intervalMs: VOICE_POLL_MS, poll: refresh });
    poller.start();
    // While the socket is live, each committed turn refreshes the page and the interval rests.
    follower = followInterview({
      connect: interviewSocket(api, join.thread_id),
      onTurn: () => poller?.nudge(0),
      onLive: (live) => poller?.setPeriodic(!live),
    });
    try {
      const { connectVoice } = await import("./voice");
      voice = await connectVoice(join, {
        onCaptions: (captions) => view.setCaptions(captions),
        onAnswerHeard: () => {
          if (!follower?.live) poller?.nudge(1500);
        },
        onStatus: (text, live) => view.setVoiceStatus(text, live),
        onAudioBlocked: (blocked) => view.setAudioBlocked(blocked),
        onMic: (enabled) => view.setMic(enabled),
        onDisconnected: (reason) => {
          voice = null;
          void switchToText(`${reason} Continue by text, or choose “Continue by voice” to rejoin.`);
        },
      });
    } catch (error) {
      if (view !== interview) return;
      const session = (error as { session?: VoiceSession }).session;
      if (session) voice = session;
      view.setVoiceStatus(session ? "Connected, microphone off" : "Not connected", false);
      view.setVoiceError(friendlyMessage(error));
    }
  }

  async function toggleMic() {
    if (!voice || !interview) return;
    try {
      await voice.setMic(!voice.micEnabled);
      interview.setVoiceError(null);
    } catch (error) {
      interview.setVoiceError(micErrorMessage(error, VOICE_MIC_ADVICE));
    }
  }

  async function stopVoice() {
    poller?.stop();
    poller = null;
    follower?.stop();
    follower = null;
    const session = voice;
    voice = null;
    await session?.leave().catch(() => undefined);
  }

  async function switchToText(notice?: string) {
    await stopVoice();
    const view = interview;
    if (!view) return;
    view.hideVoicePanel();
    let model: InterviewModel;
    try {
      model = fromRecord(await api.getInterview(view.current.threadId));
    } catch (error) {
      // The room closed because the interview went on from its invite link in another browser.
      if (view === interview && tokenRefused(error)) return showTokenRetired(error, view.current.threadId);
      model = view.current;
    }
    if (view !== interview) return;
    if (model.status === "completed") return showReport(model);
    view.render(model);
    if (notice) view.showError(notice);
    else view.focusAnswer();
  }

  // ---------------------------------------------------------------- report

  /** The report; a candidate whose hiring team keeps the results is thanked instead. The team's review always shows it. */
  function showReport(model: InterviewModel, review = false) {
    interview = null;
    stopRecorder();
    if (!review && resultsKept(model)) {
      show(renderThanks(model), `Thank you — ${model.jobTitle}`, { newButton: false });
      return;
    }
    const element = renderReport(model, {
      onDownload: async (format: ReportFormat) => {
        const name = `interview-report-${fileSlug(model.jobTitle)}-${model.threadId.slice(0, 8)}`;
        if (format === "pdf") download(await api.reportPdf(model.threadId), `${name}.pdf`);
        else download(new Blob([await api.reportMarkdown(model.threadId)], { type: "text/markdown;charset=utf-8" }), `${name}.md`);
      },
      onNew: () => goHome(),
      // A job's interview is the hiring team's to erase, from its own view; a practice one is the candidate's.
      ...(review || !model.forJob
        ? {
            onDelete: async () => {
              await api.deleteInterview(model.threadId);
              credentials.accessTokens.forget(model.threadId);
              goHome("The interview and its CV data were erased.");
            },
          }
        : {}),
    });
    show(element, `${model.role === "interviewer" ? "Coaching" : "Report"} — ${model.jobTitle}`);
  }

  // ---------------------------------------------------------------- the hiring team

  function showTeam() {
    interview = null;
    const element = renderTeam(
      api,
      {
        onOpenInterview: (threadId) => navigate(reviewPath(threadId)),
        describe: friendlyMessage,
        // Replaced, not pushed: Back leaves the team's page rather than stepping through its filters.
        onListChange: (list) => history.replaceState({}, "", TEAM_PATH + listSearch(list)),
      },
      listFromSearch(location.search),
    );
    show(element, "Hiring team");
  }

  // ---------------------------------------------------------------- invite links

  async function showInvite(token: string) {
    interview = null;
    const mine = generation;
    show(loadingView("Opening your invitation…"), "Invitation", { focus: false, newButton: false });
    let invite: PublicInvite;
    try {
      invite = await api.getInvite(token);
    } catch (error) {
      if (mine !== generation) return;
      if (isInviteRefusal(error)) {
        show(renderInviteRefusal(error.status, error.message), "Invitation", { newButton: false });
        return;
      }
      const retry = h("button", { type: "button", class: "button secondary" }, "Try again");
      retry.addEventListener("click", () => void showInvite(token));
      show(
        h("section", { class: "view" }, h("h1", { tabindex: -1 }, "Could not open the invitation"), h("div", { class: "card", role: "alert" }, h("p", {}, friendlyMessage(error)), h("div", { class: "actions" }, retry))),
        "Invitation",
        { newButton: false },
      );
      return;
    }
    if (mine !== generation) return;
    const view: InviteView = invite.resumable
      ? renderInviteResume(invite, () => void resumeFromInvite(view, token))
      : renderInvite(invite, { onStart: (mode, name, cv) => void startFromInvite(view, invite, token, mode, name, cv) });
    show(view.element, `Interview: ${invite.job.job_title}`, { newButton: false });
  }

  /** The link's interview moves to this browser: a new access token, the old one stops working. */
  async function resumeFromInvite(view: InviteView, token: string) {
    const mine = generation;
    view.setBusy("text");
    try {
      const resumed = await api.resumeFromInvite(token);
      credentials.accessTokens.set(resumed.thread_id, resumed.access_token);
      credentials.inviteLinks.set(resumed.thread_id, token);
      if (mine !== generation) return;
      navigate(interviewPath(resumed.thread_id));
      announce("Your interview is open again at the question you were on.");
    } catch (error) {
      if (mine !== generation) return;
      view.setBusy(null);
      if (isInviteRefusal(error)) show(renderInviteRefusal(error.status, error.message), "Invitation", { newButton: false });
      else view.showError(friendlyMessage(error));
    }
  }

  async function startFromInvite(view: InviteView, invite: PublicInvite, token: string, mode: InviteStartMode, name: string, cv: File | null) {
    const form = new FormData();
    if (name) form.append("username", name);
    if (cv && cv.size > 0) form.append("cv", cv, cv.name);
    view.setBusy(mode);
    const mine = generation;
    const setup = { job_title: invite.job.job_title, question_type: "mixed", company_name: invite.job.company_name ?? "", for_job: true };
    try {
      if (mode === "text") {
        const turn = await api.startFromInvite(token, form);
        // The interview's own key: it opens this interview only, so no team key is needed.
        if (turn.access_token) credentials.accessTokens.set(turn.thread_id, turn.access_token);
        credentials.inviteLinks.set(turn.thread_id, token);
        if (!(await openStarted(mine, turn.thread_id, () => fromStart(turn, setup)))) return;
        interview?.focusAnswer();
        announce("The interview has started. Read the first question and type your answer.");
      } else {
        const join = await api.startVoiceFromInvite(token, form);
        if (join.access_token) credentials.accessTokens.set(join.thread_id, join.access_token);
        credentials.inviteLinks.set(join.thread_id, token);
        if (!(await openStarted(mine, join.thread_id, () => ({ ...placeholder(join, setup.job_title, setup.company_name), forJob: true })))) return;
        await startVoice(join);
      }
    } catch (error) {
      if (mine !== generation) return;
      view.setBusy(null);
      if (isInviteRefusal(error)) {
        show(renderInviteRefusal(error.status, error.message), "Invitation", { newButton: false });
        return;
      }
      const field = isApiError(error) ? fieldOfServerError(error.code, error.message) : undefined;
      view.showError(mode === "voice" && voiceUnavailable(error) ? voiceUnavailableMessage(error as ApiError) : friendlyMessage(error), field === "cv" ? "cv" : undefined);
    }
  }

  void route();
}
