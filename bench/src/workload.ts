import { cvPages } from "./cv-text.js";

/**
 * The interview every turn-overhead target runs: a 5-question technical interview with a
 * realistic 2-page CV given as text (~6 k characters, ~20 chunks, so retrieval over the thread's
 * CV index runs and the vectors are part of the state), answered with the same detailed answer
 * each time. All targets run exactly this.
 */
export const INTERVIEW = {
  jobTitle: "Backend Engineer",
  questionType: "technical",
  maxSteps: 5,
  company: "Acme",
  cvText: cvPages(2).join("\n\n"),
} as const;

export const ANSWER =
  "At Parcelly I led the migration of our dispatch service to Kubernetes because deploys took 40 minutes. " +
  "First I containerised the service, then I wrote Terraform for the cluster, and as a result deploys dropped to 6 minutes and incidents fell by 30%.";

/** Safety bound on answers per interview (follow-ups included); a 5-step interview needs ≤ 10. */
export const MAX_ANSWERS = 40;

export interface Turn {
  threadId: string;
  done: boolean;
}

/** One way of driving an interview: in process, over our HTTP API, or over LangGraph's server. */
export interface InterviewClient {
  start(): Promise<Turn>;
  answer(threadId: string, text: string): Promise<Turn>;
}

export interface TurnSample {
  kind: "start" | "answer";
  ms: number;
}

export interface RunResult {
  concurrency: number;
  /** Interviews completed. */
  interviews: number;
  samples: TurnSample[];
  wallMs: number;
  errors: number;
}

/**
 * `concurrency` virtual candidates, each doing up to `interviewsEach` whole interviews back to
 * back, until `seconds` have passed (then each stops after its current turn). Every request that
 * runs the graph (start, then each answer) is one turn and is timed.
 */
export async function runInterviews(client: InterviewClient, concurrency: number, interviewsEach: number, seconds = Infinity): Promise<RunResult> {
  const samples: TurnSample[] = [];
  let errors = 0;
  let interviews = 0;
  const deadline = performance.now() + seconds * 1000;
  const timed = async <T>(kind: TurnSample["kind"], work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await work();
    samples.push({ kind, ms: performance.now() - t0 });
    return result;
  };
  const candidate = async () => {
    for (let i = 0; i < interviewsEach && performance.now() < deadline; i++) {
      try {
        let turn = await timed("start", () => client.start());
        for (let n = 0; !turn.done && n < MAX_ANSWERS && performance.now() < deadline; n++) {
          const id = turn.threadId;
          turn = await timed("answer", () => client.answer(id, ANSWER));
        }
        if (turn.done) interviews++;
        else if (performance.now() < deadline) throw new Error(`interview ${turn.threadId} did not finish in ${MAX_ANSWERS} answers`);
      } catch (error) {
        errors++;
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        if (errors <= 3) console.error(`  ! ${(error as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ""}`);
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, candidate));
  return { concurrency, interviews, samples, wallMs: performance.now() - t0, errors };
}

/** Leaves up to `count` interviews active (started and answered once), `concurrency` at a time, for at most `seconds`. */
export async function openInterviews(client: InterviewClient, count: number, concurrency: number, seconds = Infinity): Promise<number> {
  let opened = 0;
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    while (next < count && performance.now() < deadline) {
      next++;
      const turn = await client.start();
      await client.answer(turn.threadId, ANSWER);
      opened++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return opened;
}
