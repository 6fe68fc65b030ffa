import type { LookupFunction } from "node:net";

/** A job as read from its posting: what interviews for it are personalised from. */
export interface ImportedJob {
  title: string;
  company?: string;
  /** What the posting says about the company, and its website. Plain text. */
  companyInfo?: string;
  /** Plain text: paragraphs and headings on their own lines, list items as "- " lines. */
  description: string;
  requirements: string[];
  skills: string[];
  responsibilities: string[];
  employmentType?: string;
  location?: string;
  salary?: string;
  /** YYYY-MM-DD. */
  datePosted?: string;
  /** The page the posting was read from, after redirects. */
  sourceUrl: string;
  /** The address the page names as its own (`<link rel="canonical">`), when it names one. */
  canonicalUrl?: string;
  fetchedAt: string;
}

export type ParsedJob = Omit<ImportedJob, "sourceUrl" | "fetchedAt">;

export interface ImportLimits {
  /** Largest page read, counted after decompression while it streams in. */
  maxBytes: number;
  /** For the whole import: every redirect hop, DNS, connecting and the full body. */
  timeoutMs: number;
  maxRedirects: number;
}

export const defaultImportLimits: ImportLimits = { maxBytes: 2 * 1024 * 1024, timeoutMs: 10_000, maxRedirects: 5 };

export interface ImportOptions {
  limits?: Partial<ImportLimits>;
  /** JOB_FETCH_ALLOW_PRIVATE: also fetch from private and loopback addresses (intranets, tests). */
  allowPrivate?: boolean;
  /** The DNS resolver, `dns.lookup` by default; tests inject one. */
  lookup?: LookupFunction;
  signal?: AbortSignal;
}
