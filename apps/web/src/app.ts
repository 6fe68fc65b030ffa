/** The page controller: routes between set-up, interview and report, and drives the API. */
import { ApiError, createApiClient, isApiError } from "./api";
import { announce, focusElement, h } from "./dom";
import { applyTurn, fromRecord, fromStart, progress, withPendingAnswer, type InterviewModel } from "./model";
import { createPoller } from "./poller";
import { interviewPath, threadFromLocation } from "./route";
import type { JoinResponse } from "./types";
import { fieldOfServerError, setupFormData, validateSetup, type SetupFields } from "./validation";
import { apiKeyStore, askForApiKey, updateFooter } from "./views/api-key";
import { InterviewView } from "./views/interview";
import { renderReport } from "./views/report";
import { renderSetup, type SetupView, type StartMode } from "./views/setup";
import type { VoiceSession } from "./voice";

const APP_NAME = "Interview practice";
const VOICE_POLL_MS = 4000;

function friendlyMessage(error: unknown): string {
  if (isApiError(error)) {
    if (error.code === "unauthorized") return "This server needs a valid API key. Try again to enter it.";
    return error.message;
  }
  return error instanceof Error && error.message ? error.message : "Something went wrong. Please try again.";
}

const voiceUnavailable = (error: unknown) =>
  isApiError(error) && (error.code === "voice_not_configured" || error.status === 404 || error.status === 501);

const voiceUnavailableMessage = (error: ApiError) =>
  error.code === "voice_not_configured" ? error.message : "Voice interviews are not available on this server. Text interviews work as usual.";

export function startApp(main: HTMLElement) {
  const api = createApiClient({ getApiKey: () => apiKeyStore.get(), onUnauthorized: askForApiKey });
  const newButton = document.getElementById("new-interview") as HTMLButtonElement | null;
  let interview: InterviewView | null = null;
  let voice: VoiceSession | null = null;
  let poller: ReturnType<typeof createPoller> | null = null;
  let generation = 0;

  updateFooter();
  newButton?.addEventListener("click", () => goHome());
  document.querySelector<HTMLAnchorElement>('[data-nav="home"]')?.addEventListener("click", (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    goHome();
  });
  window.addEventListener("popstate", () => void route());

  function show(element: HTMLElement, title: string, opts: { home?: boolean; focus?: boolean } = {}) {
    main.replaceChildren(element);
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
    if (newButton) newButton.hidden = Boolean(opts.home);
    window.scrollTo(0, 0);
    if (opts.focus !== false) focusElement(element.querySelector<HTMLElement>("h1"), { preventScroll: true });
  }

  async function route() {
    generation++;
    await stopVoice();
    const threadId = threadFromLocation(location.pathname, location.search);
    if (!threadId) return showSetup();
    await loadInterview(threadId);
  }

  function goHome(notice?: string) {
    if (location.pathname !== "/" || location.search) history.pushState({}, "", "/");
    generation++;
    void stopVoice();
    showSetup(undefined, notice);
  }

  // ---------------------------------------------------------------- set-up

  function showSetup(initial?: Partial<SetupFields>, notice?: string) {
    interview = null;
    const setup = renderSetup({ onSubmit: (mode, fields, cv) => void start(setup, mode, fields, cv) }, initial);
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
        const turn = await api.startInterview(setupFormData(fields, cv));
        if (mine !== generation) return;
        history.pushState({}, "", interviewPath(turn.thread_id));
        showInterview(fromStart(turn, fields));
        interview?.focusAnswer();
        announce("The interview has started. Read the first question and type your answer.");
      } else {
        const join = await api.join(setupFormData(fields, cv));
        if (mine !== generation) return;
        history.pushState({}, "", interviewPath(join.thread_id));
        const model = await api.getInterview(join.thread_id).then(fromRecord, () => placeholder(join.thread_id, fields));
        showInterview(model);
        await startVoice(join);
      }
    } catch (error) {
      if (mine !== generation) return;
      setup.setBusy(null);
      if (mode === "voice" && voiceUnavailable(error)) return setup.showVoiceUnavailable(voiceUnavailableMessage(error as ApiError));
      const message = friendlyMessage(error);
      const field = isApiError(error) ? fieldOfServerError(error.code, error.message) : undefined;
      setup.showErrors(field ? { [field]: message } : {}, message);
    }
  }

  /** Until the voice agent has started the interview, all we know is what the form said. */
  function placeholder(threadId: string, fields: SetupFields): InterviewModel {
    return {
      threadId,
      status: "question",
      currentStep: 1,
      maxSteps: Number(fields.max_step) || 5,
      jobTitle: fields.job_title.trim(),
      ...(fields.company_name.trim() ? { companyName: fields.company_name.trim() } : {}),
      questionType: fields.question_type,
      questionStyle: fields.question_style,
      phase: "intro",
      engine: "",
      questions: [],
      messages: [],
      evaluations: [],
    };
  }

  // ---------------------------------------------------------------- interview

  async function loadInterview(threadId: string) {
    const mine = generation;
    const loading = h("section", { class: "view loading", "aria-busy": "true" }, h("h1", { tabindex: -1 }, "Loading your interview…"), h("div", { class: "skeleton" }), h("div", { class: "skeleton short" }));
    show(loading, "Loading", { focus: false });
    try {
      const model = fromRecord(await api.getInterview(threadId));
      if (mine !== generation) return;
      if (model.status === "completed") showReport(model);
      else {
        showInterview(model);
        announce(`Welcome back. ${progress(model).text}.`);
      }
    } catch (error) {
      if (mine !== generation) return;
      const missing = isApiError(error, "not_found");
      const retry = h("button", { type: "button", class: "button secondary" }, "Try again");
      retry.addEventListener("click", () => void loadInterview(threadId));
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
  }

  function showInterview(model: InterviewModel) {
    interview = new InterviewView(model, {
      onAnswer: (text) => void answer(text),
      onSwitchToVoice: () => void switchToVoice(),
      onSwitchToText: () => void switchToText(),
      onLeaveVoice: () => void switchToText(),
      onToggleMic: () => void toggleMic(),
      onEnableAudio: () => void voice?.startAudio().catch(() => undefined),
      onShowReport: () => void finish(),
    });
    show(interview.element, titleFor(model));
  }

  const titleFor = (model: InterviewModel) => `${progress(model).text} — ${model.jobTitle}`;

  async function answer(text: string) {
    const view = interview;
    if (!view) return;
    const before = view.current;
    view.beginTurn(withPendingAnswer(before, text));
    try {
      const turn = await api.continueInterview(before.threadId, text, { onToken: (t) => view.token(t) });
      const next = applyTurn(before, text, turn);
      if (view !== interview) return;
      view.endTurn(next);
      document.title = `${titleFor(next)} · ${APP_NAME}`;
      if (next.status === "completed") {
        announce("The interview is complete. Here is your report.");
        showReport(next);
      }
    } catch (error) {
      if (view !== interview) return;
      // The answer may have been recorded even if the reply was lost: ask the server.
      const synced = await api.getInterview(before.threadId).then(fromRecord, () => null);
      if (synced && synced.messages.length > before.messages.length) {
        view.endTurn(synced);
        if (synced.status === "completed") showReport(synced);
        return;
      }
      view.endTurn(synced ?? before, { message: friendlyMessage(error), draft: text });
    }
  }

  async function finish() {
    await stopVoice();
    const current = interview?.current;
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
      view.showError(voiceUnavailable(error) ? voiceUnavailableMessage(error as ApiError) : friendlyMessage(error));
    }
  }

  async function startVoice(join: JoinResponse) {
    const view = interview;
    if (!view) return;
    view.showVoicePanel();
    const refresh = async () => {
      const model = fromRecord(await api.getInterview(join.thread_id));
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
    try {
      const { connectVoice } = await import("./voice");
      voice = await connectVoice(join, {
        onCaptions: (captions) => view.setCaptions(captions),
        onAnswerHeard: () => poller?.nudge(1500),
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
      const { micErrorMessage } = await import("./voice");
      interview.setVoiceError(micErrorMessage(error));
    }
  }

  async function stopVoice() {
    poller?.stop();
    poller = null;
    const session = voice;
    voice = null;
    await session?.leave().catch(() => undefined);
  }

  async function switchToText(notice?: string) {
    await stopVoice();
    const view = interview;
    if (!view) return;
    view.hideVoicePanel();
    const model = await api.getInterview(view.current.threadId).then(fromRecord, () => view.current);
    if (view !== interview) return;
    if (model.status === "completed") return showReport(model);
    view.render(model);
    if (notice) view.showError(notice);
    else view.focusAnswer();
  }

  // ---------------------------------------------------------------- report

  function showReport(model: InterviewModel) {
    interview = null;
    const element = renderReport(model, {
      onDownload: async () => {
        const markdown = await api.reportMarkdown(model.threadId);
        const url = URL.createObjectURL(new Blob([markdown], { type: "text/markdown;charset=utf-8" }));
        const link = h("a", { href: url, download: `interview-report-${slug(model.jobTitle)}-${model.threadId.slice(0, 8)}.md`, hidden: true });
        document.body.appendChild(link);
        link.click();
        link.remove();
        window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
      },
      onNew: () => goHome(),
      onDelete: async () => {
        await api.deleteInterview(model.threadId);
        goHome("The interview and its CV data were erased.");
      },
    });
    show(element, `Report — ${model.jobTitle}`);
  }

  void route();
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40) || "interview";
