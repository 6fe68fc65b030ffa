import { describe, expect, it } from "vitest";
import { INITIAL_LIST, ariaSort, inviteRequest, inviteState, jobRequest, listFromSearch, listQuery, listSearch, rowView, splitList, toggleSort, type JobFields } from "./team";

const job = (over: Partial<JobFields> = {}): JobFields => ({ source: "fields", url: "", job_title: "", company_name: "", location: "", job_description: "", requirements: "", skills: "", ...over });

describe("the job form", () => {
  it("turns typed fields into a job, with lists one per line or separated by commas", () => {
    expect(splitList("- 3+ years of Go\n• Kafka in production\n\n")).toEqual(["3+ years of Go", "Kafka in production"]);
    expect(splitList("Spark, Kafka ,  Airflow")).toEqual(["Spark", "Kafka", "Airflow"]);
    expect(jobRequest(job({ job_title: " Data Engineer ", company_name: "Parcelly", skills: "Spark, Kafka", requirements: "3+ years\nSQL" }))).toEqual({
      body: { job_title: "Data Engineer", company_name: "Parcelly", skills: ["Spark", "Kafka"], requirements: ["3+ years", "SQL"] },
    });
  });

  it("needs a title when typed in, and a web address when imported", () => {
    expect(jobRequest(job())).toEqual({ errors: { job_title: "Enter the job title." } });
    expect(jobRequest(job({ source: "url" }))).toEqual({ errors: { url: "Enter the address of the job posting." } });
    expect(jobRequest(job({ source: "url", url: "jobs.example.com/1" }))).toEqual({ errors: { url: "Enter a web address starting with https:// or http://." } });
    expect(jobRequest(job({ source: "url", url: "https://jobs.example.com/1", location: "Lisbon" }))).toEqual({ body: { url: "https://jobs.example.com/1", location: "Lisbon" } });
  });

  it("shares the results with candidates only when the box is ticked", () => {
    expect(jobRequest(job({ job_title: "SRE", share_results: true }))).toEqual({ body: { job_title: "SRE", share_results: true } });
    expect(jobRequest(job({ job_title: "SRE", share_results: false }))).toEqual({ body: { job_title: "SRE" } });
  });
});

describe("invite links", () => {
  it("works for a week and one interview unless told otherwise; an empty number of uses means no limit", () => {
    expect(inviteRequest("", "1")).toEqual({ body: { expires_in_hours: 168, max_uses: 1 } });
    expect(inviteRequest("48", "")).toEqual({ body: { expires_in_hours: 48, max_uses: null } });
    expect(inviteRequest("0", "1")).toEqual({ field: "hours", error: "Choose a whole number of hours from 1 to 8,760." });
    expect(inviteRequest("24", "1.5")).toMatchObject({ field: "uses", error: expect.stringMatching(/^Choose a whole number of uses from 1 to 100,000/) });
  });

  it("names the candidate a link is for, and keeps such a link to one interview", () => {
    expect(inviteRequest("", "1", "  Ana Lima ")).toEqual({ body: { expires_in_hours: 168, max_uses: 1, candidate_name: "Ana Lima" } });
    expect(inviteRequest("", "1", "   ")).toEqual({ body: { expires_in_hours: 168, max_uses: 1 } });
    for (const uses of ["3", ""]) expect(inviteRequest("", uses, "Ana Lima")).toMatchObject({ field: "uses", error: expect.stringMatching(/^A link for a named candidate starts one interview/) });
    expect(inviteRequest("", "1", "A".repeat(101))).toMatchObject({ field: "name" });
  });

  it("says whether a link still works, how often it was used, and until when", () => {
    const now = Date.parse("2026-12-01T10:00:00Z");
    expect(inviteState({ expires_at: "2026-12-08T10:00:00Z", max_uses: 3, uses: 1, active: true }, now)).toMatchObject({ active: true, text: expect.stringMatching(/^Active · 1 of 3 uses · expires /) });
    expect(inviteState({ expires_at: "2026-11-30T10:00:00Z", max_uses: 1, uses: 0 }, now)).toEqual({ active: false, text: "Expired · 0 of 1 use" });
    expect(inviteState({ expires_at: null, max_uses: 1, uses: 1 }, now)).toEqual({ active: false, text: "Used up · 1 of 1 use" });
    expect(inviteState({ expires_at: null, max_uses: null, uses: 4 }, now)).toEqual({ active: true, text: "Active · 4 uses, no limit" });
  });
});

describe("the interviews table", () => {
  it("asks for newest first, with only the filters that are set, and the cursor for the next page", () => {
    expect(listQuery(INITIAL_LIST)).toEqual({ sort: "created", order: "desc", limit: 20 });
    expect(listQuery({ ...INITIAL_LIST, candidate: " lima ", job_id: "job_1", status: "completed", role: "candidate" }, "c2")).toEqual({
      candidate: "lima",
      job_id: "job_1",
      status: "completed",
      role: "candidate",
      sort: "created",
      order: "desc",
      limit: 20,
      cursor: "c2",
    });
  });

  it("sorts by a column's header: best score first, then reversed on a second click", () => {
    const byScore = toggleSort(INITIAL_LIST, "score");
    expect(byScore).toMatchObject({ sort: "score", order: "desc" });
    expect(ariaSort(byScore, "score")).toBe("descending");
    expect(ariaSort(byScore, "created")).toBe("none");
    const reversed = toggleSort(byScore, "score");
    expect(reversed).toMatchObject({ sort: "score", order: "asc" });
    expect(ariaSort(reversed, "score")).toBe("ascending");
    expect(toggleSort(reversed, "created")).toMatchObject({ sort: "created", order: "desc" });
  });

  it("keeps its filters and sort in the page's address, so a reload or a shared link shows the same list", () => {
    expect(listSearch(INITIAL_LIST)).toBe("");
    const filtered = { ...INITIAL_LIST, candidate: "Ana Lima", job_id: "job 1", status: "completed", role: "candidate" } as const;
    expect(listSearch(filtered)).toBe("?candidate=Ana+Lima&job=job+1&status=completed&role=candidate");
    const byScore = toggleSort(filtered, "score");
    expect(listFromSearch(listSearch(byScore))).toEqual(byScore);
    expect(listFromSearch(listSearch(toggleSort(byScore, "score")))).toMatchObject({ sort: "score", order: "asc" });
    expect(listFromSearch("")).toEqual(INITIAL_LIST);
  });

  it("leaves out what it does not know in an address, rather than asking the API for it", () => {
    expect(listFromSearch("?status=hired&role=boss&sort=name&order=up&job=%20&candidate=%20")).toEqual(INITIAL_LIST);
    expect(listFromSearch(`?candidate=${"a".repeat(150)}`).candidate).toHaveLength(100);
    expect(listFromSearch("?status=question&sort=score")).toEqual({ ...INITIAL_LIST, status: "question", sort: "score" });
  });

  it("shows a row's candidate, progress, score and the API's recommendation words", () => {
    const row = { thread_id: "t1", job_title: "Data Engineer", company_name: "Parcelly", candidate_name: "Ana", role: "candidate", status: "completed", current_step: 3, max_steps: 3, overall_score: 7.46, recommendation: "hire", recommendation_label: "Hire", created_at: "2026-12-01T10:00:00Z", updated_at: "2026-12-01T10:30:00Z" } as const;
    expect(rowView(row)).toMatchObject({ candidate: "Ana", job: "Data Engineer · Parcelly", role: "Candidate interview", status: "Completed", progress: "Finished", score: "7.5/10", recommendation: { label: "Hire", tone: "good" } });
    expect(rowView({ ...row, status: "question", current_step: 2, overall_score: undefined, recommendation: undefined, recommendation_label: undefined, candidate_name: undefined })).toMatchObject({
      candidate: "Unnamed candidate",
      status: "In progress",
      progress: "Question 2 of 3",
      score: "—",
    });
    expect(rowView({ ...row, role: "interviewer", status: "awaiting_question", current_step: 1, candidate_name: undefined })).toMatchObject({ candidate: "AI candidate", progress: "1 question asked", role: "Role reversal" });
  });
});
