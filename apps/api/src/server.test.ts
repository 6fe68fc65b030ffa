import { describe, expect, inject, it } from "vitest";
import { startServerProcess } from "./testing/server-process.js";
import { SOLID_ANSWER } from "./testing/test-app.js";

const databaseUrl = inject("databaseUrl");

const post = (url: string, body: unknown) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("server process", () => {
  it("loses nothing when killed with SIGKILL: a new process continues the same thread", async () => {
    const first = await startServerProcess({ DATABASE_URL: databaseUrl });
    let threadId: string;
    let questionBeforeKill: string;
    try {
      const start = await (await post(`${first.url}/start_interview`, { job_title: "Backend Engineer", question_type: "technical", max_step: 3 })).json();
      threadId = start.thread_id;
      const afterFirst = await (await post(`${first.url}/continue_interview`, { thread_id: threadId, user_response: SOLID_ANSWER })).json();
      expect(afterFirst.status).toBe("question");
      questionBeforeKill = afterFirst.question.text;
    } finally {
      first.child.kill("SIGKILL");
      await first.stop();
    }

    const second = await startServerProcess({ DATABASE_URL: databaseUrl });
    try {
      const record = await (await fetch(`${second.url}/interviews/${threadId}`)).json();
      expect(record.answers).toEqual([{ question_id: "q1", text: SOLID_ANSWER, channel: "text" }]);
      expect(record.questions.at(-1).text).toBe(questionBeforeKill);
      const next = await post(`${second.url}/continue_interview`, { thread_id: threadId, user_response: SOLID_ANSWER });
      expect(next.status).toBe(200);
      const after = await (await fetch(`${second.url}/interviews/${threadId}`)).json();
      expect(after.answers.map((a: { text: string }) => a.text)).toEqual([SOLID_ANSWER, SOLID_ANSWER]);
    } finally {
      await second.stop();
    }
  });

  it("refuses to start with a clear message when a setting is invalid", async () => {
    await expect(startServerProcess({ DATABASE_URL: databaseUrl, PORT: "not-a-port" })).rejects.toThrow(/Invalid configuration: PORT/);
  });
});
