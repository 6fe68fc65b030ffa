import { pipeline, type Readable, type Transform } from "node:stream";
import { constants, createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { request, type Dispatcher } from "undici";
import { InterviewError } from "../../errors.js";
import { isAddressAllowed, literalAddress } from "./address.js";
import { AddressNotAllowedError, guardedDispatcher, resolveAllowed, type GuardOptions } from "./guard.js";
import type { ImportLimits } from "./types.js";

export interface FetchedPage {
  /** Where the page was finally read from, after redirects. */
  url: string;
  contentType: string | undefined;
  body: Uint8Array;
}

export interface FetchPageOptions extends GuardOptions {
  limits: ImportLimits;
  signal?: AbortSignal | undefined;
}

const HEADERS = {
  "user-agent": "Mozilla/5.0 (compatible; InterviewEngine/0.1; job posting import)",
  accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
  "accept-language": "en;q=0.9, *;q=0.5",
  "accept-encoding": "gzip, deflate, br",
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export const notAllowed = (cause?: unknown) =>
  new InterviewError(
    "url_not_allowed",
    "This address points to a private or reserved network, which job postings are not fetched from. Use the posting's public address " +
      "(a server that should import intranet postings is started with JOB_FETCH_ALLOW_PRIVATE=true).",
    { cause },
  );

const unreachable = (message: string, cause?: unknown, retryAfterSeconds?: number) =>
  new InterviewError("url_unreachable", message, { cause, retryAfterSeconds });

/** Checks a URL that is about to be fetched: the scheme, credentials and literal IP hosts. */
export function checkUrl(url: URL, options: GuardOptions): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InterviewError("url_not_allowed", "Only http and https links can be imported. Use the posting's web address.");
  }
  if (url.username || url.password) {
    throw new InterviewError("url_not_allowed", "Links with a user name or password are not fetched. Remove them from the link.");
  }
  const literal = literalAddress(url);
  if (literal !== undefined && !isAddressAllowed(literal, options)) throw notAllowed();
}

const header = (headers: Dispatcher.ResponseData["headers"], name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function retryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}

function hasCode(error: unknown, codes: readonly string[]): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code && codes.includes(code)) return true;
    if (e instanceof AggregateError && e.errors.some((inner) => hasCode(inner, codes))) return true;
  }
  return false;
}

const seconds = (ms: number) => {
  const n = Math.max(1, Math.round(ms / 1000));
  return `${n} second${n === 1 ? "" : "s"}`;
};

/** A failed connection or request as the error the user can act on. */
function connectionError(error: unknown, timedOut: boolean, limits: ImportLimits): InterviewError {
  if (error instanceof InterviewError) return error;
  if (hasCode(error, ["ERR_ADDRESS_NOT_ALLOWED"]) || error instanceof AddressNotAllowedError) return notAllowed(error);
  if (timedOut || hasCode(error, ["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "ETIMEDOUT"])) {
    return new InterviewError(
      "upstream_timeout",
      `The site did not send the page within ${seconds(limits.timeoutMs)}. Try again later, or paste the job description instead.`,
      { cause: error },
    );
  }
  if (hasCode(error, ["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "ENODATA"])) {
    return unreachable("No site was found at this address. Check the link for typos.", error);
  }
  if (hasCode(error, ["ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"])) {
    return unreachable("The site could not be reached. Check the link, or try again later.", error);
  }
  if (hasCode(error, ["CERT_HAS_EXPIRED", "DEPTH_ZERO_SELF_SIGNED_CERT", "SELF_SIGNED_CERT_IN_CHAIN", "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "ERR_TLS_CERT_ALTNAME_INVALID"])) {
    return unreachable("The site's security certificate is not valid, so the page was not fetched.", error);
  }
  return unreachable("The page could not be fetched. Check the link, or try again later.", error);
}

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

function tooLarge(limits: ImportLimits) {
  return new InterviewError(
    "posting_too_large",
    `The page is larger than ${size(limits.maxBytes)}, more than a job posting needs. Paste the job description instead.`,
  );
}

type Body = Dispatcher.ResponseData["body"];

/** Closes a body nobody will read; undici reports that as an error event, which is expected. */
function discard(body: Body) {
  body.on("error", () => {});
  body.destroy();
}

// Lenient like browsers: a compressed stream cut short still yields what arrived.
const DECODERS: Record<string, () => Transform> = {
  gzip: () => createGunzip({ finishFlush: constants.Z_SYNC_FLUSH }),
  "x-gzip": () => createGunzip({ finishFlush: constants.Z_SYNC_FLUSH }),
  deflate: () => createInflate({ finishFlush: constants.Z_SYNC_FLUSH }),
  br: () => createBrotliDecompress({ finishFlush: constants.BROTLI_OPERATION_FLUSH }),
};

/**
 * Reads a body, decompressing it, up to the size limit counted on the decompressed bytes (a
 * few kilobytes of gzip can hold gigabytes), giving up and closing the connection beyond it.
 */
async function readLimited(body: Body, contentEncoding: string | undefined, limits: ImportLimits): Promise<Uint8Array> {
  const encodings = (contentEncoding ?? "")
    .toLowerCase()
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e && e !== "identity")
    .reverse(); // listed in the order they were applied
  const decoders: Transform[] = [];
  for (const encoding of encodings) {
    const decoder = DECODERS[encoding];
    if (!decoder) {
      discard(body);
      throw unreachable("The site sent the page in a compression format that cannot be read. Paste the job description instead.");
    }
    decoders.push(decoder());
  }
  const stream: Readable = decoders.length ? (pipeline([body, ...decoders], () => {}) as Transform) : body;
  const chunks: Buffer[] = [];
  let received = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      received += chunk.byteLength;
      if (received > limits.maxBytes) throw tooLarge(limits);
      chunks.push(chunk);
    }
  } catch (error) {
    for (const decoder of decoders) decoder.destroy();
    discard(body);
    throw error;
  }
  return Buffer.concat(chunks, received);
}

function withSignal<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * GETs a page within the limits, following redirects by hand so that every hop is checked like
 * the first: scheme, literal address, and the addresses its host resolves to. The dispatcher
 * checks the resolved address again as it connects (see guard.ts).
 */
export async function fetchPage(start: URL, options: FetchPageOptions): Promise<FetchedPage> {
  const { limits } = options;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error("job posting fetch timed out")), limits.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout.signal, options.signal]) : timeout.signal;
  const dispatcher = guardedDispatcher({ ...options, timeoutMs: limits.timeoutMs });
  // Failures of the network or the site, told apart from the caller giving up.
  const failed = (error: unknown): never => {
    if (options.signal?.aborted) throw options.signal.reason;
    throw connectionError(error, timeout.signal.aborted, limits);
  };
  const send = async (url: URL) => {
    if (literalAddress(url) === undefined) await withSignal(resolveAllowed(url.hostname, options), signal);
    return request(url, { dispatcher, method: "GET", headers: HEADERS, signal });
  };
  let url = new URL(start);
  try {
    for (let hop = 0; ; hop++) {
      url.hash = "";
      checkUrl(url, options);
      const response = await send(url).catch(failed);
      const { statusCode, headers, body } = response;
      const location = header(headers, "location");
      if (REDIRECTS.has(statusCode) && location) {
        discard(body);
        if (hop >= limits.maxRedirects) {
          throw unreachable(`The link redirects more than ${limits.maxRedirects} times. Open it in a browser and use the address it ends at.`);
        }
        try {
          url = new URL(location, url);
        } catch {
          throw unreachable("The site redirected to an address that is not valid. Open the link in a browser and use the address it ends at.");
        }
        continue;
      }
      if (statusCode < 200 || statusCode >= 300) {
        discard(body);
        const hint = statusCode === 404 || statusCode === 410 ? "The posting may have been taken down. " : "";
        throw unreachable(
          `The site answered with HTTP ${statusCode}. ${hint}Check the link, or paste the job description instead.`,
          undefined,
          statusCode === 429 || statusCode === 503 ? retryAfter(header(headers, "retry-after")) : undefined,
        );
      }
      const encoding = header(headers, "content-encoding");
      const declared = Number(header(headers, "content-length"));
      if (!encoding && Number.isFinite(declared) && declared > limits.maxBytes) {
        discard(body);
        throw tooLarge(limits);
      }
      const bytes = await readLimited(body, encoding, limits).catch(failed);
      return { url: url.href, contentType: header(headers, "content-type"), body: bytes };
    }
  } finally {
    clearTimeout(timer);
    void dispatcher.destroy().catch(() => {});
  }
}
