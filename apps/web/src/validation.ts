/** Client-side checks that mirror the server's limits, so mistakes show before anything is sent. */
import { QUESTION_STYLES, QUESTION_TYPES } from "./types";

export const LIMITS = {
  jobTitle: 200,
  companyName: 200,
  username: 100,
  jobDescription: 20_000,
  minQuestions: 1,
  maxQuestions: 20,
  defaultQuestions: 5,
  cvBytes: 5 * 1024 * 1024,
  answerChars: 10_000,
} as const;

export interface SetupFields {
  job_title: string;
  question_type: string;
  question_style: string;
  max_step: string;
  company_name: string;
  job_description: string;
  username: string;
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
  if (!looksPdf) return `“${file.name}” is not a PDF. Upload your CV as a PDF file.`;
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > LIMITS.cvBytes) {
    return `“${file.name}” is ${formatBytes(file.size)}; the limit is ${formatBytes(LIMITS.cvBytes)}.`;
  }
  return undefined;
}

/** Every problem with the set-up form, by field; empty when it can be sent. */
export function validateSetup(fields: SetupFields, cv?: FileInfo | null): FieldErrors {
  const errors: FieldErrors = {};
  const title = fields.job_title.trim();
  if (!title) errors.job_title = "Enter the job title you are interviewing for.";
  else if (title.length > LIMITS.jobTitle) errors.job_title = `Keep the job title under ${LIMITS.jobTitle} characters.`;
  if (!(QUESTION_TYPES as readonly string[]).includes(fields.question_type)) errors.question_type = "Choose a question type.";
  if (!(QUESTION_STYLES as readonly string[]).includes(fields.question_style)) errors.question_style = "Choose a question style.";
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

/** The multipart body for /start_interview and /join: trimmed, empty optional fields left out. */
export function setupFormData(fields: SetupFields, cv?: Blob & { name?: string } | null, extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...fields, ...extra })) {
    const v = value.trim();
    if (v) form.append(name, v);
  }
  if (cv && cv.size > 0) form.append("cv", cv, cv.name ?? "cv.pdf");
  return form;
}

/** The answer box's state: what may be sent and what the counter says. */
export function answerState(text: string) {
  const length = text.length;
  const trimmed = text.trim();
  const over = length > LIMITS.answerChars;
  return {
    length,
    counter: `${length.toLocaleString("en")} / ${LIMITS.answerChars.toLocaleString("en")}`,
    canSend: trimmed.length > 0 && !over,
    nearLimit: length >= LIMITS.answerChars * 0.9,
    error: over ? `Your answer is ${(length - LIMITS.answerChars).toLocaleString("en")} characters over the limit.` : undefined,
  };
}

/**
 * Which form field a server error belongs to, so it can be shown beside it: CV problems by code,
 * validation errors by the `field: message` prefix the API uses.
 */
export function fieldOfServerError(code: string, message: string): SetupField | undefined {
  if (["cv_too_large", "unsupported_media_type", "unreadable_pdf"].includes(code)) return "cv";
  if (code !== "invalid_input") return undefined;
  const match = /^([a-z_]+)(?::|\s)/.exec(message);
  const field = match?.[1];
  const known: SetupField[] = ["job_title", "question_type", "question_style", "max_step", "company_name", "job_description", "username", "cv"];
  if (field === "cv_text") return "cv";
  return known.find((f) => f === field);
}
