import { readFileSync, readdirSync } from "node:fs";
import http from "node:http";
import { describe, expect, inject, it } from "vitest";
import { runningEmbeddedServer } from "@interview/graph";
import { startServerProcess } from "./testing/server-process.js";
import { SOLID_ANSWER } from "./testing/test-app.js";

const databaseUrl = inject("databaseUrl");

const exited = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.startsWith("Z");
  } catch {
    return true;
  }
};

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

  it("runs API_WORKERS processes on one port and one embedded PostgreSQL, and stops them all", async () => {
    const server = await startServerProcess({ API_WORKERS: "2" });
    // A new connection per request, so the primary hands them to both workers.
    const postNew = (path: string, body: unknown) =>
      new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
        const payload = JSON.stringify(body);
        const request = http.request(`${server.url}${path}`, { method: "POST", agent: false, headers: { "content-type": "application/json" } }, (res) => {
          let text = "";
          res.on("data", (d) => (text += d));
          res.on("end", () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
        });
        request.on("error", reject);
        request.end(payload);
      });
    let postgresPid: number | undefined;
    try {
      for (let i = 0; i < 600 && (server.output().match(/Interview engine listening/g) ?? []).length < 2; i++) await new Promise((r) => setTimeout(r, 100));
      postgresPid = runningEmbeddedServer(server.dataDir)?.pid;
      expect(postgresPid).toBeGreaterThan(0);

      const start = await postNew("/start_interview", { job_title: "Backend Engineer", question_type: "technical", max_step: 3 });
      expect(start.status).toBe(200);
      let turn = start;
      for (let i = 0; i < 6 && turn.body.status !== "completed"; i++) {
        turn = await postNew("/continue_interview", { thread_id: start.body.thread_id, user_response: SOLID_ANSWER });
        expect(turn.status).toBe(200);
      }
      expect(turn.body.status).toBe("completed");
      const servedBy = new Set(
        server
          .output()
          .split("\n")
          .filter((line) => line.includes('"/continue_interview"'))
          .map((line) => JSON.parse(line).worker),
      );
      expect(servedBy.size).toBe(2);

      // A worker that dies is replaced.
      const workerPids = readdirSync("/proc")
        .filter((d) => /^\d+$/.test(d))
        .filter((d) => {
          try {
            const stat = readFileSync(`/proc/${d}/stat`, "utf8");
            return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === server.child.pid && !stat.includes("(postgres)");
          } catch {
            return false;
          }
        });
      expect(workerPids).toHaveLength(2);
      process.kill(Number(workerPids[0]), "SIGKILL");
      for (let i = 0; i < 600 && (server.output().match(/Interview engine listening/g) ?? []).length < 3; i++) await new Promise((r) => setTimeout(r, 100));
      expect(server.output()).toMatch(/worker exited; starting another/);
      expect((server.output().match(/Interview engine listening/g) ?? []).length).toBe(3);
    } finally {
      await server.stop();
    }
    expect(server.child.exitCode).toBe(0);
    // Stopped: gone, or an exited process its new parent (init) has not reaped yet.
    expect(exited(postgresPid!)).toBe(true);
  }, 120_000);

  it("refuses to start with a clear message when a setting is invalid", async () => {
    await expect(startServerProcess({ DATABASE_URL: databaseUrl, PORT: "not-a-port" })).rejects.toThrow(/Invalid configuration: PORT/);
  });
});
