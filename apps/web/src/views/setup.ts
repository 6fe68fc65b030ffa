/**
 * The set-up form: who the human is (the candidate, or the interviewer of an AI candidate), what
 * the interview is for, an optional CV, text or voice.
 */
import { focusElement, h } from "../dom";
import { PERSONAS, QUESTION_STYLES, QUESTION_TYPES, ROLES, SENIORITIES } from "../contract";
import { PERSONA_LABELS, QUESTION_STYLE_LABELS, QUESTION_TYPE_LABELS, SENIORITY_LABELS } from "../labels";
import { LIMITS, formatBytes, validateCv, type FieldErrors, type SetupField, type SetupFields, SERVER_LIMITS } from "../validation";

export type StartMode = "text" | "voice";

export interface SetupHandlers {
  onSubmit: (mode: StartMode, fields: SetupFields, cv: File | null) => void;
}

/** What this server offers (GET /health); the form shows only what can be used. */
export interface SetupOptions {
  /** Interviewing an AI candidate. */
  roleReversal: boolean;
  /** Live voice interviews (LiveKit). */
  voice: boolean;
}

export interface SetupView {
  element: HTMLElement;
  /** Shows errors beside their fields and in the summary; focuses the first. */
  showErrors(errors: FieldErrors, summary?: string): void;
  clearErrors(): void;
  setBusy(mode: StartMode | null): void;
  /** Voice is not available: say why and offer the text interview with the same answers. */
  showVoiceUnavailable(message: string): void;
  values(): { fields: SetupFields; cv: File | null };
}

const FIELD_ORDER: SetupField[] = ["role", "job_title", "company_name", "question_type", "question_style", "max_step", "persona", "seniority", "username", "job_description", "cv"];

export function renderSetup(handlers: SetupHandlers, initial: Partial<SetupFields> = {}, options: SetupOptions = { roleReversal: false, voice: true }): SetupView {
  const errorEls = new Map<SetupField, HTMLElement>();
  const inputs = new Map<SetupField, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>();
  const title = h("h1", { id: "setup-title", tabindex: -1 });
  const lede = h("p", { class: "lede" });
  const maxStepLabel = h("span", {}, "Number of questions");

  const errorSlot = (name: SetupField) => {
    const el = h("p", { class: "field-error", id: `${name}-error`, hidden: true });
    errorEls.set(name, el);
    return el;
  };
  const register = <T extends HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(name: SetupField, el: T): T => {
    inputs.set(name, el);
    el.addEventListener("input", () => setFieldError(name, undefined));
    return el;
  };
  const describedBy = (name: SetupField, hint = false) => [hint ? `${name}-hint` : "", `${name}-error`].filter(Boolean).join(" ");

  const field = (name: SetupField, label: string | HTMLElement, control: HTMLElement, options: { hint?: string; hintBelow?: boolean; optional?: boolean } = {}) => {
    const hint = options.hint ? h("p", { class: "hint", id: `${name}-hint` }, options.hint) : null;
    return h(
      "div",
      { class: "field", "data-field": name },
      h("label", { for: name }, label, options.optional ? h("span", { class: "optional" }, " (optional)") : null),
      options.hintBelow ? null : hint,
      control,
      options.hintBelow ? hint : null,
      errorSlot(name),
    );
  };

  const jobTitle = register(
    "job_title",
    h("input", { id: "job_title", name: "job_title", type: "text", required: true, maxlength: LIMITS.jobTitle, autocomplete: "organization-title", "aria-describedby": describedBy("job_title"), value: initial.job_title ?? "" }),
  );
  const questionType = register(
    "question_type",
    h(
      "select",
      { id: "question_type", name: "question_type", "aria-describedby": describedBy("question_type") },
      QUESTION_TYPES.map((t) => h("option", { value: t, selected: (initial.question_type ?? "technical") === t }, QUESTION_TYPE_LABELS[t])),
    ),
  );
  const styleHint = h("p", { class: "hint candidate-only", id: "question_style-hint" });
  const questionStyle = register(
    "question_style",
    h(
      "select",
      { id: "question_style", name: "question_style", "aria-describedby": describedBy("question_style", true) },
      QUESTION_STYLES.map((s) => h("option", { value: s, selected: (initial.question_style ?? "adaptive") === s }, QUESTION_STYLE_LABELS[s].label)),
    ),
  );
  const updateStyleHint = () => (styleHint.textContent = QUESTION_STYLE_LABELS[questionStyle.value as keyof typeof QUESTION_STYLE_LABELS]?.hint ?? "");
  questionStyle.addEventListener("change", updateStyleHint);
  updateStyleHint();

  const maxStep = register(
    "max_step",
    h("input", {
      id: "max_step",
      name: "max_step",
      type: "number",
      inputmode: "numeric",
      min: LIMITS.minQuestions,
      max: LIMITS.maxQuestions,
      step: 1,
      value: initial.max_step ?? String(LIMITS.defaultQuestions),
      "aria-describedby": describedBy("max_step", true),
    }),
  );
  const company = register("company_name", h("input", { id: "company_name", name: "company_name", type: "text", maxlength: LIMITS.companyName, autocomplete: "organization", "aria-describedby": describedBy("company_name"), value: initial.company_name ?? "" }));
  const username = register("username", h("input", { id: "username", name: "username", type: "text", maxlength: LIMITS.username, autocomplete: "name", "aria-describedby": describedBy("username"), value: initial.username ?? "" }));
  const jobDescription = register(
    "job_description",
    h("textarea", { id: "job_description", name: "job_description", rows: 4, maxlength: LIMITS.jobDescription, "aria-describedby": describedBy("job_description", true) }, initial.job_description ?? ""),
  );
  const cvHints = {
    candidate: `PDF, up to ${formatBytes(SERVER_LIMITS.cvBytes)}. Questions will draw on your experience; it stays with this interview only.`,
    interviewer: `PDF, up to ${formatBytes(SERVER_LIMITS.cvBytes)}. The AI candidate answers from this CV; without one, a CV is made up for the job.`,
  };
  const cvLabel = h("span", {}, "Your CV");
  const cvHint = h("p", { class: "hint", id: "cv-hint" }, cvHints.candidate);
  const cv = register("cv", h("input", { id: "cv", name: "cv", type: "file", accept: "application/pdf,.pdf", "aria-describedby": describedBy("cv", true) }));
  const cvChosen = h("p", { class: "hint file-chosen", "aria-live": "polite" });
  const clearCv = h("button", { type: "button", class: "button link small", hidden: true }, "Remove file");
  const file = () => cv.files?.[0] ?? null;
  cv.addEventListener("change", () => {
    const f = file();
    const problem = validateCv(f);
    setFieldError("cv", problem);
    cvChosen.textContent = f && !problem ? `${f.name} · ${formatBytes(f.size)}` : "";
    clearCv.hidden = !f;
  });
  clearCv.addEventListener("click", () => {
    cv.value = "";
    cvChosen.textContent = "";
    clearCv.hidden = true;
    setFieldError("cv", undefined);
    cv.focus();
  });

  // Who the human is. The interviewer role is offered only when the server can play the candidate.
  const roleInputs = ROLES.map((role) =>
    h("input", { type: "radio", name: "role", id: `role-${role}`, value: role, checked: (initial.role || "candidate") === role, "aria-describedby": `role-${role}-hint` }),
  );
  const roleChoice = h(
    "fieldset",
    { class: "field role-choice", "data-field": "role", hidden: !options.roleReversal, "aria-describedby": "role-error" },
    h("legend", {}, "Your role"),
    h(
      "div",
      { class: "choice-row" },
      h("label", { class: "choice", for: "role-candidate" }, roleInputs[0], h("span", { class: "choice-text" }, h("strong", {}, "I am the candidate"), h("span", { class: "hint", id: "role-candidate-hint" }, "The AI interviews you and gives feedback on every answer."))),
      h("label", { class: "choice", for: "role-interviewer" }, roleInputs[1], h("span", { class: "choice-text" }, h("strong", {}, "I am the interviewer"), h("span", { class: "hint", id: "role-interviewer-hint" }, "You interview an AI candidate and get coaching on your questions."))),
    ),
    errorSlot("role"),
  );
  const role = () => (options.roleReversal ? (roleInputs.find((r) => r.checked)?.value ?? "candidate") : "candidate");

  const persona = register(
    "persona",
    h(
      "select",
      { id: "persona", name: "persona", "aria-describedby": describedBy("persona", true) },
      PERSONAS.map((p) => h("option", { value: p, selected: (initial.persona || "average") === p }, PERSONA_LABELS[p].label)),
    ),
  );
  const personaHint = h("p", { class: "hint", id: "persona-hint" });
  const updatePersonaHint = () => (personaHint.textContent = PERSONA_LABELS[persona.value as keyof typeof PERSONA_LABELS]?.hint ?? "");
  persona.addEventListener("change", updatePersonaHint);
  updatePersonaHint();
  const seniority = register(
    "seniority",
    h(
      "select",
      { id: "seniority", name: "seniority", "aria-describedby": describedBy("seniority") },
      SENIORITIES.map((v) => h("option", { value: v, selected: (initial.seniority || "mid") === v }, SENIORITY_LABELS[v])),
    ),
  );
  const personaRow = h(
    "div",
    { class: "grid-2 interviewer-only" },
    h("div", { class: "field", "data-field": "persona" }, h("label", { for: "persona" }, "How the candidate performs"), persona, personaHint, errorSlot("persona")),
    field("seniority", "Candidate's seniority", seniority),
  );

  const summary = h("div", { class: "form-summary", role: "alert", hidden: true, tabindex: -1 });
  const voiceNotice = h("div", { class: "notice", hidden: true, tabindex: -1 });
  const textButton = h("button", { type: "submit", class: "button primary", name: "mode", value: "text" }, "Start text interview");
  const voiceButton = h("button", { type: "submit", class: "button secondary", name: "mode", value: "voice" });
  voiceButton.innerHTML =
    '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 14a3 3 0 0 0 3-3V6a3 3 0 0 0-6 0v5a3 3 0 0 0 3 3zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.9V21h2v-3.1a7 7 0 0 0 6-6.9z" fill="currentColor"/></svg>';
  voiceButton.append("Start voice interview");
  voiceButton.hidden = !options.voice;

  const form = h(
    "form",
    { class: "card setup-form", novalidate: true, "aria-labelledby": "setup-title" },
    roleChoice,
    h("div", { class: "grid-2" }, field("job_title", "Job title", jobTitle), field("company_name", "Company", company, { optional: true })),
    h(
      "div",
      { class: "grid-3" },
      field("question_type", "Question type", questionType),
      h("div", { class: "field candidate-only", "data-field": "question_style" }, h("label", { for: "question_style" }, "Question style"), questionStyle, errorSlot("question_style")),
      field("max_step", maxStepLabel, maxStep, { hint: `From ${LIMITS.minQuestions} to ${LIMITS.maxQuestions}.`, hintBelow: true }),
    ),
    styleHint,
    personaRow,
    field("username", "Your name", username, { optional: true }),
    field("job_description", "Job description", jobDescription, { optional: true, hint: "Paste the advert; its key terms shape the questions." }),
    h(
      "div",
      { class: "field", "data-field": "cv" },
      h("label", { for: "cv" }, cvLabel, h("span", { class: "optional" }, " (optional)")),
      cvHint,
      cv,
      h("div", { class: "file-row" }, cvChosen, clearCv),
      errorSlot("cv"),
    ),
    summary,
    voiceNotice,
    h("div", { class: "actions" }, textButton, voiceButton),
  );

  /** Shows the options of the chosen role and says what the form will do. */
  const applyRole = () => {
    const interviewer = role() === "interviewer";
    form.querySelectorAll<HTMLElement>(".candidate-only").forEach((el) => (el.hidden = interviewer));
    form.querySelectorAll<HTMLElement>(".interviewer-only").forEach((el) => (el.hidden = !interviewer));
    cvLabel.textContent = interviewer ? "The candidate's CV" : "Your CV";
    cvHint.textContent = interviewer ? cvHints.interviewer : cvHints.candidate;
    maxStepLabel.textContent = interviewer ? "Questions you plan to ask" : "Number of questions";
    title.textContent = interviewer ? "Practise interviewing a candidate" : "Practise your next interview";
    lede.textContent = interviewer
      ? "Ask your questions, one at a time, and the AI candidate answers. At the end you get coaching on how you interviewed."
      : "Answer one question at a time, by typing or speaking. You get feedback after every answer and a full report at the end.";
  };
  for (const r of roleInputs) r.addEventListener("change", () => {
    setFieldError("role", undefined);
    applyRole();
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
    const mode: StartMode = submitter?.value === "voice" ? "voice" : "text";
    const { fields, cv: f } = values();
    handlers.onSubmit(mode, fields, f);
  });
  // Ctrl/Cmd+Enter in the job description starts the text interview, as in the answer box.
  jobDescription.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit(textButton);
    }
  });

  function values() {
    return {
      fields: {
        role: role(),
        job_title: jobTitle.value,
        question_type: questionType.value,
        question_style: questionStyle.value,
        max_step: maxStep.value,
        company_name: company.value,
        job_description: jobDescription.value,
        username: username.value,
        persona: persona.value,
        seniority: seniority.value,
      },
      cv: file(),
    };
  }

  function setFieldError(name: SetupField, message: string | undefined) {
    const el = errorEls.get(name);
    const input = inputs.get(name);
    if (!el) return;
    el.textContent = message ?? "";
    el.hidden = !message;
    if (input) {
      if (message) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }
    el.closest(".field")?.classList.toggle("has-error", Boolean(message));
  }

  const element = h("section", { class: "view setup-view", "aria-labelledby": "setup-title" }, h("div", { class: "intro" }, title, lede), form);
  applyRole();

  return {
    element,
    values,
    clearErrors() {
      for (const name of errorEls.keys()) setFieldError(name, undefined);
      summary.hidden = true;
      summary.replaceChildren();
      voiceNotice.hidden = true;
      voiceNotice.replaceChildren();
    },
    showErrors(errors, message) {
      const names = FIELD_ORDER.filter((n) => errors[n]);
      for (const n of names) setFieldError(n, errors[n]);
      const text = message ?? (names.length === 1 ? "Please fix the highlighted field." : `Please fix the ${names.length} highlighted fields.`);
      summary.replaceChildren(h("p", {}, text));
      summary.hidden = false;
      const first = names[0] && inputs.get(names[0]);
      if (first) first.focus();
      else focusElement(summary);
    },
    setBusy(mode) {
      form.setAttribute("aria-busy", String(mode !== null));
      for (const b of [textButton, voiceButton]) b.disabled = mode !== null;
      textButton.lastChild!.textContent = mode === "text" ? "Preparing your first question…" : "Start text interview";
      voiceButton.lastChild!.textContent = mode === "voice" ? "Connecting…" : "Start voice interview";
    },
    showVoiceUnavailable(message) {
      const useText = h("button", { type: "button", class: "button primary small" }, "Start a text interview instead");
      useText.addEventListener("click", () => form.requestSubmit(textButton));
      voiceNotice.replaceChildren(h("p", { class: "notice-title" }, "Voice interview unavailable"), h("p", {}, message), useText);
      voiceNotice.hidden = false;
      voiceNotice.setAttribute("role", "alert");
      useText.focus();
    },
  };
}
