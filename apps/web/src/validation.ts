/** Client-side checks with the server's limits, so mistakes show before anything is sent. */
import { PERSONAS, QUESTION_STYLES, QUESTION_TYPES, ROLES, SENIORITIES, type Health } from "./contract";
import { CONTRACT_LIMITS } from "./generated/limits";

const START = CONTRACT_LIMITS.StartInterviewForm;

export const LIMITS = {
  jobTitle: START.job_title.maxLength,
  companyName: START.company_name.maxLength,
  username: START.username.maxLength,
  jobDescription: START.job_description.maxLength,
  minQuestions: START.max_step.minimum,
  maxQuestions: START.max_step.maximum,
  defaultQuestions: 5,
  inviteHours: CONTRACT_LIMITS.CreateInvite.expires_in_hours.maximum,
  inviteUses: CONTRACT_LIMITS.CreateInvite.max_uses.maximum,
  jobUrl: CONTRACT_LIMITS.CreateJob.url.maxLength,
} as const;

/**
 * The limits that are settings of the server (CV_MAX_BYTES, ANSWER_MAX_CHARS, AUDIO_MAX_SECONDS):
 * read from its /health before any form is shown. The values here are the settings' defaults, used
 * only when the server cannot be asked; the server checks them anyway.
 */
export const SERVER_LIMITS = { cvBytes: 5 * 1024 * 1024, answerChars: 10_000, recordingSeconds: 300 };

export function applyServerLimits(limits: Health["limits"]) {
  SERVER_LIMITS.cvBytes = limits.cv_max_bytes;
  SERVER_LIMITS.answerChars = limits.answer_max_chars;
  SERVER_LIMITS.recordingSeconds = limits.audio_max_seconds;
}

export interface SetupFields {
  role: string;
  job_title: string;
  question_type: string;
  question_style: string;
  max_step: string;
  company_name: string;
  job_description: string;
  username: string;
  persona: string;
  seniority: string;
}

/** What the browser tells us about a chosen file (a File satisfies it). */
export interface FileInfo {
  name: string;
  size: number;
  type: string;
}

export type SetupField = keyof SetupFields | "cv";
export type FieldErrors = Partial<Record<SetupField, string>>;

export const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

export function validateCv(file: FileInfo | null | undefined): string | undefined {
  if (!file) return undefined;
  const looksPdf = file.type === "application/pdf" || (file.type === "" && /\.pdf$/i.test(file.name));
  if (!looksPdf) return `“${file.name}” is not a PDF. Upload the CV as a PDF file.`;
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > SERVER_LIMITS.cvBytes) {
    return `“${file.name}” is ${formatBytes(file.size)}; the limit is ${formatBytes(SERVER_LIMITS.cvBytes)}.`;
  }
  return undefined;
}

const isOneOf = (list: readonly string[], value: string) => list.includes(value);

/** Every problem with the set-up form, by field; empty when it can be sent. */
export function validateSetup(fields: SetupFields, cv?: FileInfo | null): FieldErrors {
  const errors: FieldErrors = {};
  const interviewer = fields.role === "interviewer";
  const title = fields.job_title.trim();
  if (!isOneOf(ROLES, fields.role)) errors.role = "Choose who you are in this interview.";
  if (!title) errors.job_title = interviewer ? "Enter the job title you are hiring for." : "Enter the job title you are interviewing for.";
  else if (title.length > LIMITS.jobTitle) errors.job_title = `Keep the job title under ${LIMITS.jobTitle} characters.`;
  if (!isOneOf(QUESTION_TYPES, fields.question_type)) errors.question_type = "Choose a question type.";
  if (!interviewer && !isOneOf(QUESTION_STYLES, fields.question_style)) errors.question_style = "Choose a question style.";
  if (interviewer && !isOneOf(PERSONAS, fields.persona)) errors.persona = "Choose how the candidate performs.";
  if (interviewer && !isOneOf(SENIORITIES, fields.seniority)) errors.seniority = "Choose the candidate's seniority.";
  const steps = fields.max_step.trim();
  const n = Number(steps);
  if (steps && (!Number.isInteger(n) || n < LIMITS.minQuestions || n > LIMITS.maxQuestions)) {
    errors.max_step = `Choose a whole number of questions from ${LIMITS.minQuestions} to ${LIMITS.maxQuestions}.`;
  }
  if (fields.company_name.trim().length > LIMITS.companyName) errors.company_name = `Keep the company name under ${LIMITS.companyName} characters.`;
  if (fields.username.trim().length > LIMITS.username) errors.username = `Keep your name under ${LIMITS.username} characters.`;
  if (fields.job_description.trim().length > LIMITS.jobDescription) {
    errors.job_description = `The job description is too long (limit ${LIMITS.jobDescription.toLocaleString("en")} characters).`;
  }
  const cvError = validateCv(cv);
  if (cvError) errors.cv = cvError;
  return errors;
}

/** Fields that mean something only for one role; the others are left out of the request. */
const ROLE_ONLY: Record<string, readonly (keyof SetupFields)[]> = {
  candidate: ["persona", "seniority"],
  interviewer: ["question_style"],
};

/**
 * The multipart body for /start_interview and /join: trimmed, empty optional fields and the other
 * role's fields left out (the default role, candidate, is not sent).
 */
export function setupFormData(fields: SetupFields, cv?: (Blob & { name?: string }) | null, extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  const skip = new Set<string>(ROLE_ONLY[fields.role] ?? []);
  if (fields.role !== "interviewer") skip.add("role");
  for (const [name, value] of Object.entries({ ...fields, ...extra })) {
    const v = value.trim();
    if (v && !skip.has(name)) form.append(name, v);
  }
  if (cv && cv.size > 0) form.append("cv", cv, cv.name ?? "cv.pdf");
  return form;
}

/** The answer box's state: what may be sent and what the counter says. */
export function answerState(text: string) {
  // Characters as the server counts them (code points): an emoji is one, not two.
  const length = [...text].length;
  const trimmed = text.trim();
  const over = length > SERVER_LIMITS.answerChars;
  return {
    length,
    counter: `${length.toLocaleString("en")} / ${SERVER_LIMITS.answerChars.toLocaleString("en")}`,
    canSend: trimmed.length > 0 && !over,
    nearLimit: length >= SERVER_LIMITS.answerChars * 0.9,
    error: over ? `Your message is ${(length - SERVER_LIMITS.answerChars).toLocaleString("en")} characters over the limit.` : undefined,
  };
}

const KNOWN_FIELDS: SetupField[] = ["role", "job_title", "question_type", "question_style", "max_step", "company_name", "job_description", "username", "persona", "seniority", "cv"];

/**
 * Which form field a server error belongs to, so it can be shown beside it: CV problems by code,
 * validation errors by the `field: message` prefix the API uses.
 */
export function fieldOfServerError(code: string, message: string): SetupField | undefined {
  if (["cv_too_large", "cv_text_too_long", "unsupported_media_type", "unreadable_pdf"].includes(code)) return "cv";
  if (code !== "invalid_input") return undefined;
  const match = /^([a-z_]+)(?::|\s)/.exec(message);
  const field = match?.[1];
  if (field === "cv_text") return "cv";
  return KNOWN_FIELDS.find((f) => f === field);
}
