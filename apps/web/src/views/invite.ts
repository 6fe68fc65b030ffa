/**
 * A candidate's landing page for an invite link (/invite/<token>): what the job is, a short form
 * (name, optional CV) and the start buttons. No key is needed; the interview then opens with its
 * own access token. A used single-use link whose interview is unfinished continues it; expired,
 * used-up and unknown links say so.
 */
import type { PublicInvite } from "../contract";
import { focusElement, h, paragraphs } from "../dom";
import { formatDateTime } from "../labels";
import { LIMITS, formatBytes, validateCv, SERVER_LIMITS } from "../validation";

export type InviteStartMode = "text" | "voice";

export interface InviteHandlers {
  onStart: (mode: InviteStartMode, name: string, cv: File | null) => void;
}

export interface InviteView {
  element: HTMLElement;
  setBusy(mode: InviteStartMode | null): void;
  showError(message: string, field?: "cv" | "username"): void;
}

/** Why a link opens nothing, from the API's refusal. */
export function refusalTitle(status: number): string {
  if (status === 404) return "This invite link is not valid";
  if (status === 403) return "This invite link can no longer be used";
  if (status === 409) return "Your interview is complete";
  return "The invite could not be opened";
}

export function renderInviteRefusal(status: number, message: string): HTMLElement {
  return h(
    "section",
    { class: "view invite-view", "aria-labelledby": "invite-title" },
    h("div", { class: "intro" }, h("p", { class: "eyebrow" }, "Interview invitation"), h("h1", { id: "invite-title", tabindex: -1 }, refusalTitle(status))),
    h("div", { class: "card", role: "alert" }, h("p", {}, message)),
  );
}

/** A link that started an interview still unfinished: the candidate continues it here. */
export function renderInviteResume(invite: PublicInvite, onResume: () => void): InviteView {
  const button = h("button", { type: "button", class: "button primary" }, "Continue the interview");
  button.addEventListener("click", onResume);
  const summary = h("div", { class: "form-summary", role: "alert", hidden: true, tabindex: -1 });
  const facts = [invite.job.company_name, invite.job.location].filter(Boolean).join(" · ");
  const element = h(
    "section",
    { class: "view invite-view", "aria-labelledby": "invite-title" },
    h("div", { class: "intro" }, h("p", { class: "eyebrow" }, "Interview invitation"), h("h1", { id: "invite-title", tabindex: -1 }, invite.job.job_title), facts ? h("p", { class: "lede" }, facts) : null),
    h(
      "div",
      { class: "card resume-card" },
      h("h2", {}, "You have started this interview"),
      h("p", {}, "Continue at the question you were on; your answers so far are kept. If the interview is open in another browser, it moves here."),
      summary,
      h("div", { class: "actions" }, button),
    ),
  );
  return {
    element,
    setBusy(mode) {
      button.disabled = mode !== null;
      button.textContent = mode === null ? "Continue the interview" : "Opening your interview…";
    },
    showError(message) {
      summary.replaceChildren(h("p", {}, message));
      summary.hidden = false;
      focusElement(summary);
    },
  };
}

export function renderInvite(invite: PublicInvite, handlers: InviteHandlers): InviteView {
  const { job } = invite;
  // The name the team sent the link to, for the candidate to keep or correct.
  const name = h("input", { id: "invite-name", name: "username", type: "text", autocomplete: "name", maxlength: LIMITS.username, "aria-describedby": "invite-name-error", value: invite.candidate_name ?? "" });
  const cv = h("input", { id: "invite-cv", name: "cv", type: "file", accept: "application/pdf,.pdf", "aria-describedby": "invite-cv-hint invite-cv-error" });
  const nameError = h("p", { class: "field-error", id: "invite-name-error", hidden: true });
  const cvError = h("p", { class: "field-error", id: "invite-cv-error", hidden: true });
  const summary = h("div", { class: "form-summary", role: "alert", hidden: true, tabindex: -1 });
  const textButton = h("button", { type: "submit", class: "button primary", value: "text" }, "Start text interview");
  const voiceButton = h("button", { type: "submit", class: "button secondary", value: "voice", hidden: !invite.voice_available }, "Start voice interview");
  const file = () => cv.files?.[0] ?? null;
  const setCvError = (message: string | undefined) => {
    cvError.textContent = message ?? "";
    cvError.hidden = !message;
    if (message) cv.setAttribute("aria-invalid", "true");
    else cv.removeAttribute("aria-invalid");
  };
  cv.addEventListener("change", () => setCvError(validateCv(file())));

  const form = h(
    "form",
    { class: "card setup-form", novalidate: true, "aria-labelledby": "start-title" },
    h("h2", { id: "start-title" }, "Start your interview"),
    h("div", { class: "field" }, h("label", { for: "invite-name" }, "Your name", h("span", { class: "optional" }, " (optional)")), name, nameError),
    h(
      "div",
      { class: "field" },
      h("label", { for: "invite-cv" }, "Your CV", h("span", { class: "optional" }, " (optional)")),
      h("p", { class: "hint", id: "invite-cv-hint" }, `PDF, up to ${formatBytes(SERVER_LIMITS.cvBytes)}. Questions will draw on your experience; it stays with this interview only.`),
      cv,
      cvError,
    ),
    summary,
    h("div", { class: "actions" }, textButton, voiceButton),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const mode: InviteStartMode = (event as SubmitEvent).submitter === voiceButton ? "voice" : "text";
    const problem = validateCv(file());
    if (problem) {
      setCvError(problem);
      cv.focus();
      return;
    }
    if (name.value.trim().length > LIMITS.username) {
      nameError.textContent = `Keep your name under ${LIMITS.username} characters.`;
      nameError.hidden = false;
      name.focus();
      return;
    }
    handlers.onStart(mode, name.value.trim(), file());
  });

  const facts = [job.company_name, job.location].filter(Boolean).join(" · ");
  const expiry = invite.expires_at ? `This link works until ${formatDateTime(invite.expires_at)}.` : "";
  const element = h(
    "section",
    { class: "view invite-view", "aria-labelledby": "invite-title" },
    h(
      "div",
      { class: "intro" },
      h("p", { class: "eyebrow" }, "Interview invitation"),
      h("h1", { id: "invite-title", tabindex: -1 }, job.job_title),
      facts ? h("p", { class: "lede" }, facts) : null,
      h(
        "p",
        { class: "hint" },
        "Answer one question at a time, by typing or speaking. Your answers go to the hiring team",
        invite.results_shared ? ", and you see your feedback and report at the end. " : ", who will be in touch about the next steps. ",
        expiry,
      ),
    ),
    job.job_description || job.requirements.length || job.skills.length
      ? h(
          "div",
          { class: "card job-summary" },
          h("h2", {}, "About the job"),
          job.job_description ? h("div", { class: "summary-text" }, paragraphs(job.job_description)) : null,
          job.requirements.length ? [h("h3", {}, "Requirements"), h("ul", {}, job.requirements.map((r) => h("li", {}, r)))] : null,
          job.skills.length ? [h("h3", {}, "Skills"), h("p", { class: "tags" }, job.skills.map((s) => h("span", { class: "tag" }, s)))] : null,
        )
      : null,
    form,
  );

  return {
    element,
    setBusy(mode) {
      form.setAttribute("aria-busy", String(mode !== null));
      textButton.disabled = voiceButton.disabled = mode !== null;
      textButton.textContent = mode === "text" ? "Preparing your first question…" : "Start text interview";
      voiceButton.textContent = mode === "voice" ? "Connecting…" : "Start voice interview";
    },
    showError(message, field) {
      if (field === "cv") {
        setCvError(message);
        cv.focus();
      }
      summary.replaceChildren(h("p", {}, message));
      summary.hidden = false;
      if (field !== "cv") focusElement(summary);
    },
  };
}
