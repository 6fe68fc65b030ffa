import type { PDFParse } from "pdf-parse";
import { InterviewError } from "../errors.js";

let pdfParse: Promise<typeof PDFParse> | undefined;

/**
 * pdf-parse loads pdfjs-dist's legacy build, whose core-js polyfills replace Array.prototype.push
 * and JSON.parse for the whole process on Node 20 with slower JavaScript versions (about a third
 * of a turn's CPU on PostgreSQL, see bench/RESULTS.md). It is loaded on first use and the
 * runtime's own two functions are put back; the polyfills pdf.js needs (added methods) stay.
 */
function loadPdfParse(): Promise<typeof PDFParse> {
  pdfParse ??= (async () => {
    const push = Object.getOwnPropertyDescriptor(Array.prototype, "push")!;
    const parse = Object.getOwnPropertyDescriptor(JSON, "parse")!;
    try {
      return (await import("pdf-parse")).PDFParse;
    } finally {
      Object.defineProperty(Array.prototype, "push", push);
      Object.defineProperty(JSON, "parse", parse);
    }
  })();
  return pdfParse;
}

export interface PdfLimits {
  maxBytes: number;
  maxPages: number;
  parseTimeoutMs: number;
}

export const defaultPdfLimits: PdfLimits = { maxBytes: 5 * 1024 * 1024, maxPages: 30, parseTimeoutMs: 10_000 };

/** PDF files start with "%PDF-" (some writers put a few junk bytes before it). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  return head.includes("%PDF-");
}

function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Extracts the text of a CV PDF within size, page and time limits.
 * Errors never include any of the document's content.
 */
export async function extractPdfText(
  bytes: Uint8Array,
  limits: PdfLimits = defaultPdfLimits,
): Promise<{ text: string; pages: number }> {
  if (bytes.byteLength > limits.maxBytes) {
    throw new InterviewError(
      "cv_too_large",
      `The CV is larger than the ${(limits.maxBytes / 1024 / 1024).toFixed(0)} MB limit.`,
    );
  }
  if (!looksLikePdf(bytes)) {
    throw new InterviewError("unsupported_media_type", "The CV must be a PDF file.");
  }
  const parser = new (await loadPdfParse())({ data: new Uint8Array(bytes) });
  const timedOut = () =>
    new InterviewError("unreadable_pdf", `The CV could not be read within ${limits.parseTimeoutMs / 1000} s.`);
  try {
    // One pass: the text of at most maxPages pages, and the page count to refuse a longer CV.
    // No page markers ("-- 1 of 2 --"): pages are separated by a blank line.
    const result = await withTimeout(parser.getText({ first: limits.maxPages, pageJoiner: "" }), limits.parseTimeoutMs, timedOut);
    if (result.total > limits.maxPages) {
      throw new InterviewError("cv_too_large", `The CV has ${result.total} pages; the limit is ${limits.maxPages}.`);
    }
    const text = result.text.trim();
    if (text.replace(/\s+/g, "").length < 20) {
      throw new InterviewError("unreadable_pdf", "No text could be extracted from the CV (is it a scanned image?).");
    }
    return { text, pages: result.total };
  } catch (error) {
    if (error instanceof InterviewError) throw error;
    throw new InterviewError("unreadable_pdf", "The CV is not a readable PDF.", { cause: error });
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}
