import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { InterviewError } from "../errors.js";

export interface PdfLimits {
  maxBytes: number;
  maxPages: number;
  /** Hard deadline: past it the worker parsing the PDF is terminated. */
  parseTimeoutMs: number;
  /** Most text a CV may yield; a PDF that inflates to more (a "zip bomb") is refused. */
  maxTextChars: number;
  /** Heap of a parsing worker; a PDF that needs more is refused. */
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

/**
 * Extracts CV text from PDFs in a small pool of worker threads, so a hostile or huge PDF never
 * blocks the server: each parse has a deadline that terminates its worker, a memory ceiling, a cap
 * on the text it may yield, and the pool bounds how many run at once. Errors never include any
 * of the document's content.
 */
export class PdfReader {
  private readonly pool: Piscina;

  constructor(readonly limits: PdfLimits = defaultPdfLimits) {
    this.pool = new Piscina({
      filename: new URL("./pdf-worker.mjs", import.meta.url).href,
      minThreads: 0,
      maxThreads: limits.concurrency,
      idleTimeout: 30_000,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxWorkerMemoryMb, maxYoungGenerationSizeMb: 32 },
    });
  }

  async extract(bytes: Uint8Array, signal?: AbortSignal): Promise<{ text: string; pages: number }> {
    const { limits } = this;
    if (bytes.byteLength > limits.maxBytes) {
      throw new InterviewError("cv_too_large", `The CV is larger than the ${megabytes(limits.maxBytes)} limit.`);
    }
    if (!looksLikePdf(bytes)) throw new InterviewError("unsupported_media_type", "The CV must be a PDF file.");
    const deadline = AbortSignal.timeout(limits.parseTimeoutMs);
    const data = bytes.slice().buffer;
    let reply: WorkerReply;
    try {
      reply = await this.pool.run(
        { data, maxPages: limits.maxPages, maxChars: limits.maxTextChars },
        { signal: signal ? AbortSignal.any([signal, deadline]) : deadline, transferList: [data] },
      );
    } catch (error) {
      if (deadline.aborted) throw new InterviewError("unreadable_pdf", `The CV could not be read within ${limits.parseTimeoutMs / 1000} s; send a simpler PDF.`, { cause: error });
      if (signal?.aborted) throw signal.reason;
      if ((error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") {
        throw new InterviewError("cv_too_large", "The CV needs too much memory to read; send a smaller PDF.", { cause: error });
      }
      throw new InterviewError("unreadable_pdf", "The CV is not a readable PDF.", { cause: error });
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

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
