import { availableParallelism } from "node:os";
import workerpool from "workerpool";
import { InterviewError } from "../errors.js";

export interface PdfLimits {
  maxBytes: number;
  maxPages: number;
  /** Hard deadline: past it the process parsing the PDF is stopped. */
  parseTimeoutMs: number;
  /** Most text a CV may yield; a PDF that inflates to more (a "zip bomb") is refused. */
  maxTextChars: number;
  /** Heap of a parsing process; a PDF that needs more is refused. */
  maxWorkerMemoryMb: number;
  /** PDFs parsed at once; others wait their turn (within their deadline). */
  concurrency: number;
}

export const defaultPdfLimits: PdfLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxPages: 30,
  parseTimeoutMs: 10_000,
  maxTextChars: 200_000,
  maxWorkerMemoryMb: 256,
  concurrency: Math.min(2, availableParallelism()),
};

/** PDF files start with "%PDF-" (some writers put a few junk bytes before it). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString("latin1").includes("%PDF-");
}

type WorkerReply = { text: string; pages: number } | { refused: "too_many_pages" | "too_much_text"; pages: number };

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

const isTimeout = (error: unknown) => (error as Error)?.name === "TimeoutError" || (error as Error)?.constructor?.name === "TimeoutError";

/**
 * Extracts CV text from PDFs in a small pool of child processes, so a hostile or huge PDF never
 * blocks or bloats the server: each parse has a deadline that stops its process, a heap ceiling,
 * a cap on the text it may yield, and the pool bounds how many run at once. A stopped process
 * takes all the memory the document cost with it (a thread's would stay with the server).
 * Errors never include any of the document's content.
 */
export class PdfReader {
  private readonly pool: ReturnType<typeof workerpool.pool>;

  constructor(readonly limits: PdfLimits = defaultPdfLimits) {
    this.pool = workerpool.pool(new URL("./pdf-worker.mjs", import.meta.url).pathname, {
      workerType: "process",
      minWorkers: 0,
      maxWorkers: limits.concurrency,
      // Structured clone carries the bytes as bytes; heap limit as the ceiling.
      forkOpts: { serialization: "advanced", execArgv: [`--max-old-space-size=${limits.maxWorkerMemoryMb}`], stdio: "ignore" },
      workerTerminateTimeout: 500,
    });
  }

  async extract(bytes: Uint8Array, signal?: AbortSignal): Promise<{ text: string; pages: number }> {
    const { limits } = this;
    if (bytes.byteLength > limits.maxBytes) {
      throw new InterviewError("cv_too_large", `The CV is larger than the ${megabytes(limits.maxBytes)} limit.`);
    }
    if (!looksLikePdf(bytes)) throw new InterviewError("unsupported_media_type", "The CV must be a PDF file.");
    let reply: WorkerReply;
    const task = this.pool.exec("extract", [{ data: bytes, maxPages: limits.maxPages, maxChars: limits.maxTextChars }]).timeout(limits.parseTimeoutMs);
    const onAbort = () => task.cancel();
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      reply = (await task) as WorkerReply;
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (isTimeout(error)) throw new InterviewError("unreadable_pdf", `The CV could not be read within ${limits.parseTimeoutMs / 1000} s; send a simpler PDF.`, { cause: error });
      // A process that ran out of memory dies; its task fails without a reply.
      if (/heap|memory|exited|terminated|SIGABRT/i.test(String((error as Error)?.message))) {
        throw new InterviewError("cv_too_large", "The CV needs too much memory to read; send a smaller PDF.", { cause: error });
      }
      throw new InterviewError("unreadable_pdf", "The CV is not a readable PDF.", { cause: error });
    } finally {
      signal?.removeEventListener("abort", onAbort);
    }
    if ("refused" in reply) {
      if (reply.refused === "too_many_pages") throw new InterviewError("cv_too_large", `The CV has ${reply.pages} pages; the limit is ${limits.maxPages}.`);
      throw new InterviewError("cv_too_large", `The CV holds more text than a CV can (over ${limits.maxTextChars.toLocaleString("en")} characters).`);
    }
    const text = reply.text.trim();
    if (text.replace(/\s+/g, "").length < 20) {
      throw new InterviewError("unreadable_pdf", "No text could be extracted from the CV (is it a scanned image?).");
    }
    return { text, pages: reply.pages };
  }

  async close(): Promise<void> {
    await this.pool.terminate(true);
  }
}
