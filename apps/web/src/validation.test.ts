import { describe, expect, it } from "vitest";
import { answerState, fieldOfServerError, setupFormData, validateCv, validateSetup, type SetupFields, SERVER_LIMITS, LIMITS, applyServerLimits } from "./validation";

const fields = (over: Partial<SetupFields> = {}): SetupFields => ({
  role: "candidate",
  job_title: "Backend Engineer",
  question_type: "technical",
  question_style: "adaptive",
  max_step: "5",
  company_name: "",
  job_description: "",
  username: "",
  persona: "average",
  seniority: "mid",
  ...over,
});
const pdf = (size: number, name = "cv.pdf", type = "application/pdf") => ({ name, size, type });

describe("set-up validation", () => {
  it("accepts a complete form and a PDF within the limit", () => {
    expect(validateSetup(fields(), pdf(200_000))).toEqual({});
  });

  it("requires a job title", () => {
    expect(validateSetup(fields({ job_title: "   " }))).toEqual({ job_title: "Enter the job title you are interviewing for." });
  });

  it.each(["0", "21", "2.5", "many"])("rejects %s questions, naming the allowed range", (max_step) => {
    expect(validateSetup(fields({ max_step })).max_step).toBe("Choose a whole number of questions from 1 to 20.");
  });

  it("lets the number of questions be left empty (server default)", () => {
    expect(validateSetup(fields({ max_step: "" }))).toEqual({});
  });

  it("rejects unknown question types and styles", () => {
    expect(Object.keys(validateSetup(fields({ question_type: "trivia", question_style: "random" })))).toEqual(["question_type", "question_style"]);
  });

  it("states the CV size limit when a file is too large", () => {
    expect(validateCv(pdf(SERVER_LIMITS.cvBytes + 1, "big.pdf"))).toBe("“big.pdf” is 5 MB; the limit is 5 MB.");
    expect(validateCv(pdf(6 * 1024 * 1024, "big.pdf"))).toBe("“big.pdf” is 6 MB; the limit is 5 MB.");
    expect(validateCv(pdf(SERVER_LIMITS.cvBytes))).toBeUndefined();
  });

  it("rejects a CV that is not a PDF, or empty", () => {
    expect(validateCv(pdf(1000, "cv.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))).toBe("“cv.docx” is not a PDF. Upload the CV as a PDF file.");
    expect(validateCv(pdf(0))).toBe("“cv.pdf” is empty.");
    expect(validateCv(pdf(1000, "CV.PDF", ""))).toBeUndefined();
  });
});

describe("roles", () => {
  it("checks the AI candidate's persona and seniority only when the human is the interviewer", () => {
    expect(validateSetup(fields({ persona: "", seniority: "" }))).toEqual({});
    expect(validateSetup(fields({ role: "interviewer", persona: "brilliant", seniority: "" }))).toEqual({
      persona: "Choose how the candidate performs.",
      seniority: "Choose the candidate's seniority.",
    });
    expect(validateSetup(fields({ role: "interviewer", question_style: "" }))).toEqual({});
    expect(validateSetup(fields({ role: "boss" })).role).toBe("Choose who you are in this interview.");
  });

  it("sends the interviewer role with the persona, and leaves out what only the other role uses", () => {
    const asInterviewer = setupFormData(fields({ role: "interviewer", persona: "evasive", seniority: "senior" }));
    expect(Object.fromEntries(asInterviewer)).toMatchObject({ role: "interviewer", persona: "evasive", seniority: "senior" });
    expect(asInterviewer.has("question_style")).toBe(false);
    const asCandidate = setupFormData(fields());
    expect([...asCandidate.keys()]).toEqual(["job_title", "question_type", "question_style", "max_step"]);
  });

  it("checks against the limits the server reports, not the defaults", () => {
    const defaults = { ...SERVER_LIMITS };
    try {
      applyServerLimits({ cv_max_bytes: 1_000, answer_max_chars: 20, audio_max_bytes: 5_000, audio_max_seconds: 30 });
      expect(validateCv({ name: "cv.pdf", size: 2_000, type: "application/pdf" })).toMatch(/limit is/);
      expect(answerState("x".repeat(25)).error).toBe("Your message is 5 characters over the limit.");
      expect(SERVER_LIMITS.recordingSeconds).toBe(30);
      // Counted as the server counts: 20 emoji fit in 20 characters.
      expect(answerState("🙂".repeat(20)).canSend).toBe(true);
    } finally {
      Object.assign(SERVER_LIMITS, defaults);
    }
    expect(validateCv({ name: "cv.pdf", size: 2_000, type: "application/pdf" })).toBeUndefined();
  });

  it("takes its limits from the API's contract", () => {
    expect(LIMITS).toMatchObject({ jobTitle: 200, companyName: 200, username: 100, jobDescription: 20_000, minQuestions: 1, maxQuestions: 20 });
  });
});

describe("set-up form data", () => {
  it("sends trimmed fields, leaves empty optional ones out and attaches the CV", async () => {
    const cv = new File([new Uint8Array([37, 80, 68, 70])], "ana.pdf", { type: "application/pdf" });
    const form = setupFormData(fields({ company_name: "  Parcelly ", username: "" }), cv, { thread_id: "t1" });
    expect([...form.keys()]).toEqual(["job_title", "question_type", "question_style", "max_step", "company_name", "thread_id", "cv"]);
    expect(form.get("company_name")).toBe("Parcelly");
    expect((form.get("cv") as File).name).toBe("ana.pdf");
  });
});

describe("answer box", () => {
  it("counts characters against the 10 000 limit and only sends non-empty answers within it", () => {
    expect(answerState("")).toMatchObject({ counter: "0 / 10,000", canSend: false });
    expect(answerState("  \n ")).toMatchObject({ canSend: false });
    expect(answerState("I led the migration.")).toMatchObject({ length: 20, canSend: true, nearLimit: false, error: undefined });
    expect(answerState("x".repeat(9_500))).toMatchObject({ canSend: true, nearLimit: true });
    expect(answerState("x".repeat(10_003))).toMatchObject({ canSend: false, error: "Your message is 3 characters over the limit." });
  });
});

describe("server errors by field", () => {
  it.each([
    ["unsupported_media_type", "The CV must be a PDF file.", "cv"],
    ["cv_too_large", "The CV has 40 pages; the limit is 30.", "cv"],
    ["unreadable_pdf", "The CV could not be read.", "cv"],
    ["invalid_input", "job_title: job_title is required", "job_title"],
    ["invalid_input", "max_step must be an integer from 1 to 20.", "max_step"],
    ["invalid_input", "body: invalid value", undefined],
    ["rate_limited", "Too many requests", undefined],
  ])("%s “%s” → %s", (code, message, field) => {
    expect(fieldOfServerError(code, message)).toBe(field);
  });
});
