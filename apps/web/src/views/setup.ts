/** The set-up form: what the interview is for, optional CV, text or voice. */
import { focusElement, h } from "../dom";
import { QUESTION_STYLE_LABELS, QUESTION_TYPE_LABELS } from "../labels";
import { QUESTION_STYLES, QUESTION_TYPES } from "../types";
import { LIMITS, formatBytes, validateCv, type FieldErrors, type SetupField, type SetupFields } from "../validation";

export type StartMode = "text" | "voice";

export interface SetupHandlers {
  onSubmit: (mode: StartMode, fields: SetupFields, cv: File | null) => void;
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

const FIELD_ORDER: SetupField[] = ["job_title", "question_type", "question_style", "max_step", "company_name", "username", "job_description", "cv"];

export function renderSetup(handlers: SetupHandlers, initial: Partial<SetupFields> = {}): SetupView {
  const errorEls = new Map<SetupField, HTMLElement>();
  const inputs = new Map<SetupField, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>();

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

  const field = (name: SetupField, label: string, control: HTMLElement, options: { hint?: string; hintBelow?: boolean; optional?: boolean } = {}) => {
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
  const styleHint = h("p", { class: "hint", id: "question_style-hint" });
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
  const cvLimit = `PDF, up to ${formatBytes(LIMITS.cvBytes)}. Questions will draw on your experience; it stays with this interview only.`;
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

  const summary = h("div", { class: "form-summary", role: "alert", hidden: true, tabindex: -1 });
  const voiceNotice = h("div", { class: "notice", hidden: true, tabindex: -1 });
  const textButton = h("button", { type: "submit", class: "button primary", name: "mode", value: "text" }, "Start text interview");
  const voiceButton = h("button", { type: "submit", class: "button secondary", name: "mode", value: "voice" });
  voiceButton.innerHTML =
    '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 14a3 3 0 0 0 3-3V6a3 3 0 0 0-6 0v5a3 3 0 0 0 3 3zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.9V21h2v-3.1a7 7 0 0 0 6-6.9z" fill="currentColor"/></svg>';
  voiceButton.append("Start voice interview");

  const form = h(
    "form",
    { class: "card setup-form", novalidate: true, "aria-labelledby": "setup-title" },
    h("div", { class: "grid-2" }, field("job_title", "Job title", jobTitle), field("company_name", "Company", company, { optional: true })),
    h(
      "div",
      { class: "grid-3" },
      field("question_type", "Question type", questionType),
      h("div", { class: "field", "data-field": "question_style" }, h("label", { for: "question_style" }, "Question style"), questionStyle, errorSlot("question_style")),
      field("max_step", "Number of questions", maxStep, { hint: `From ${LIMITS.minQuestions} to ${LIMITS.maxQuestions}.`, hintBelow: true }),
    ),
    styleHint,
    field("username", "Your name", username, { optional: true }),
    field("job_description", "Job description", jobDescription, { optional: true, hint: "Paste the advert; its key terms shape the questions." }),
    h(
      "div",
      { class: "field", "data-field": "cv" },
      h("label", { for: "cv" }, "Your CV", h("span", { class: "optional" }, " (optional)")),
      h("p", { class: "hint", id: "cv-hint" }, cvLimit),
      cv,
      h("div", { class: "file-row" }, cvChosen, clearCv),
      errorSlot("cv"),
    ),
    summary,
    voiceNotice,
    h("div", { class: "actions" }, textButton, voiceButton),
  );

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
        job_title: jobTitle.value,
        question_type: questionType.value,
        question_style: questionStyle.value,
        max_step: maxStep.value,
        company_name: company.value,
        job_description: jobDescription.value,
        username: username.value,
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

  const element = h(
    "section",
    { class: "view setup-view", "aria-labelledby": "setup-title" },
    h("div", { class: "intro" }, h("h1", { id: "setup-title", tabindex: -1 }, "Practise your next interview"), h("p", { class: "lede" }, "Answer one question at a time, by typing or speaking. You get feedback after every answer and a full report at the end.")),
    form,
  );

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
