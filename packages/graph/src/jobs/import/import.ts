import { InterviewError } from "../../errors.js";
import { decodeHtml } from "./decode.js";
import { fetchPage } from "./fetch.js";
import { emptyPage, notAJobPosting, parseJobPage } from "./parse.js";
import { defaultImportLimits, type ImportedJob, type ImportOptions } from "./types.js";

const MAX_URL_LENGTH = 2048;

/**
 * The URL a user typed, or `invalid_input`. A bare "jobs.acme.com/123" is read as https, the way
 * a browser's address bar would; anything else must be an absolute URL.
 */
export function parseJobUrl(input: string): URL {
  const trimmed = typeof input === "string" ? input.trim() : "";
  if (!trimmed) throw new InterviewError("invalid_input", "Enter the address of a job posting.");
  if (trimmed.length > MAX_URL_LENGTH) {
    throw new InterviewError("invalid_input", `The address is longer than ${MAX_URL_LENGTH} characters. Copy the posting's address again.`);
  }
  const bareHost = !trimmed.includes("://") && /^(?:[\w-]+(?:\.[\w-]+)+|localhost)(?::\d+)?(?:[/?#]|$)/i.test(trimmed);
  const candidate = bareHost ? `https://${trimmed}` : trimmed;
  try {
    return new URL(candidate);
  } catch {
    throw new InterviewError("invalid_input", "This is not a web address. Copy the job posting's address from your browser, starting with https://.");
  }
}

const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml|text\/plain)\b/i;

/**
 * Fetches a job posting page and reads the job from it. Only public http(s) addresses are
 * fetched unless `allowPrivate` is set; size, time and redirect limits hold for the whole import.
 */
export async function importJobPosting(url: string, options: ImportOptions = {}): Promise<ImportedJob> {
  const start = parseJobUrl(url);
  const limits = { ...defaultImportLimits, ...options.limits };
  const page = await fetchPage(start, {
    limits,
    allowPrivate: options.allowPrivate === true,
    lookup: options.lookup,
    signal: options.signal,
  });
  const mediaType = page.contentType?.split(";")[0]?.trim();
  // Many servers label HTML text/plain; the page's own markup decides then.
  if (mediaType && !HTML_TYPES.test(mediaType)) throw notAJobPosting();
  if (page.body.byteLength === 0) throw emptyPage();
  const job = parseJobPage(decodeHtml(page.body, page.contentType), page.url);
  return { ...job, sourceUrl: page.url, fetchedAt: new Date().toISOString() };
}
