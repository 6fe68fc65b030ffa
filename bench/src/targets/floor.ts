/** Child process: the in-process MemorySaver floor; the driver runs here too (no HTTP). */
import { ServiceClient } from "../clients.js";
import { memoryAfterGc, serveCommands } from "../ipc.js";
import { memoryService } from "../offline.js";
import { openInterviews, runInterviews } from "../workload.js";

const client = new ServiceClient(memoryService());

serveCommands(
  {},
  {
    mem: () => memoryAfterGc(),
    run: ({ concurrency, interviewsEach, seconds }: { concurrency: number; interviewsEach: number; seconds: number }) =>
      runInterviews(client, concurrency, interviewsEach, seconds),
    open: ({ count, concurrency, seconds }: { count: number; concurrency: number; seconds: number }) => openInterviews(client, count, concurrency, seconds),
  },
  async () => undefined,
);
