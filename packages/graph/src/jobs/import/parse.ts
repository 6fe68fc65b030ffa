import { Readability } from "@mozilla/readability";
import * as chrono from "chrono-node";
import { parseHTML } from "linkedom";
import { InterviewError } from "../../errors.js";
import { findTechnologies } from "../../text/lexicon.js";
import { blocksToText, hasMarkup, nodeToBlocks, parseFragment, plainText, richTextToBlocks, textToBlocks, type Block } from "./html-text.js";
import { readJsonLd, type LdNode } from "./json-ld.js";
import { extractSections } from "./sections.js";
import type { ParsedJob } from "./types.js";

// Bounds on what one posting contributes to every interview prompt built from it.
const MAX_DESCRIPTION_CHARS = 30_000;
const MAX_COMPANY_INFO_CHARS = 4_000;
const MAX_LIST_ITEMS = 40;

export const emptyPage = () =>
  new InterviewError("not_a_job_posting", "The page at this address is empty. Check the link, or type the job in.");
export const notAJobPosting = () =>
  new InterviewError(
    "not_a_job_posting",
    "This page does not look like a job posting. Link to the job ad itself (not a list of jobs or a blog post), or type the job in.",
  );

const isNode = (value: unknown): value is LdNode => typeof value === "object" && value !== null && !Array.isArray(value);
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

/** A JSON-LD value as one line of text: strings, numbers, `{"name": …}` and `{"@value": …}`. */
function text(value: unknown): string | undefined {
  if (typeof value === "string") return plainText(value) || undefined;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return value.map(text).find(Boolean);
  if (isNode(value)) return text(value["@value"] ?? value.name);
  return undefined;
}

const key = (item: string) => item.toLowerCase().replace(/\s+/g, " ").replace(/[\s.;,:!]+$/, "");

function uniqueList(items: Iterable<string | undefined>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items) {
    const trimmed = item?.trim();
    if (!trimmed || seen.has(key(trimmed))) continue;
    seen.add(key(trimmed));
    out.push(trimmed);
    if (out.length === MAX_LIST_ITEMS) break;
  }
  return out;
}

function clipText(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  const lineEnd = cut.lastIndexOf("\n");
  return (lineEnd > max / 2 ? cut.slice(0, lineEnd) : cut).trimEnd();
}

/** The lines of a rich-text JSON-LD value (HTML, escaped HTML or text), headings dropped. */
function lines(value: unknown, resolve: (v: unknown) => unknown): string[] {
  return asList(value).flatMap((entry) => {
    const v = resolve(entry);
    if (typeof v === "string") return richTextToBlocks(v).filter((b) => b.kind !== "heading").map((b) => b.text);
    const single = isNode(v) ? (text(v.name) ?? text(v.description)) : text(v);
    return single ? [single] : [];
  });
}

function experienceLines(value: unknown, resolve: (v: unknown) => unknown): string[] {
  return asList(value).flatMap((entry) => {
    const v = resolve(entry);
    if (!isNode(v)) return lines(v, resolve);
    const months = Number(v.monthsOfExperience);
    if (Number.isFinite(months) && months > 0) {
      const span = months % 12 === 0 ? `${months / 12}+ year${months === 12 ? "" : "s"}` : `${months}+ months`;
      return [`${span} of experience${text(v.description) ? `: ${text(v.description)}` : ""}`];
    }
    return lines(v.description ?? v.name, resolve);
  });
}

function educationLines(value: unknown, resolve: (v: unknown) => unknown): string[] {
  return asList(value).flatMap((entry) => {
    const v = resolve(entry);
    if (!isNode(v)) return lines(v, resolve);
    const category = text(v.credentialCategory);
    if (category) return [`Education: ${category}`];
    return lines(v.description ?? v.name, resolve);
  });
}

const EMPLOYMENT_TYPES: Record<string, string> = {
  FULL_TIME: "Full-time",
  PART_TIME: "Part-time",
  CONTRACTOR: "Contract",
  CONTRACT: "Contract",
  TEMPORARY: "Temporary",
  INTERN: "Internship",
  INTERNSHIP: "Internship",
  VOLUNTEER: "Volunteer",
  PER_DIEM: "Per diem",
  OTHER: "Other",
};

function employmentType(value: unknown): string | undefined {
  const types = asList(value)
    .flatMap((v) => (typeof v === "string" ? v.split(/\s*,\s*/) : [text(v)]))
    .map((t) => t && (EMPLOYMENT_TYPES[t.toUpperCase().replace(/[\s-]+/g, "_")] ?? t));
  return uniqueList(types).join(", ") || undefined;
}

function placeText(value: unknown, resolve: (v: unknown) => unknown): string | undefined {
  const place = resolve(value);
  if (!isNode(place)) return text(place);
  const address = resolve(place.address);
  if (!isNode(address)) return text(address) ?? text(place.name);
  const parts = uniqueList([text(address.addressLocality), text(address.addressRegion), text(resolve(address.addressCountry))]);
  return parts.join(", ") || text(address.name) || text(place.name);
}

function location(job: LdNode, resolve: (v: unknown) => unknown): string | undefined {
  const places = uniqueList(asList(job.jobLocation).map((p) => placeText(p, resolve)));
  const remote = asList(job.jobLocationType).some((t) => text(t)?.toUpperCase() === "TELECOMMUTE");
  const regions = uniqueList(asList(job.applicantLocationRequirements).map((r) => text(resolve(r))));
  const remoteText = remote ? (regions.length ? `Remote (${regions.join(", ")})` : "Remote") : undefined;
  return [remoteText, ...places].filter(Boolean).join("; ") || undefined;
}

const SALARY_UNITS: Record<string, string> = {
  HOUR: "per hour",
  DAY: "per day",
  WEEK: "per week",
  MONTH: "per month",
  YEAR: "per year",
  ANNUAL: "per year",
};

function amount(value: unknown): number | undefined {
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value.replace(/[\s,]/g, "")) : NaN;
  return Number.isFinite(n) ? n : undefined;
}
const money = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });

/** "EUR 70,000–90,000 per year" from a MonetaryAmount (or whatever text the page has). */
function salary(value: unknown, resolve: (v: unknown) => unknown): string | undefined {
  const v = resolve(value);
  if (!isNode(v)) return text(v);
  const currency = text(v.currency) ?? text(v.salaryCurrency);
  const quantity = resolve(v.value);
  const q = isNode(quantity) ? quantity : { value: quantity };
  const [min, max, single] = [amount(q.minValue), amount(q.maxValue), amount(q.value)];
  const range =
    min !== undefined && max !== undefined && min !== max
      ? `${money(min)}–${money(max)}`
      : [single, min, max].map((n) => (n === undefined ? undefined : money(n))).find(Boolean);
  if (!range) return text(q.value) ?? text(v.name);
  const unit = text(q.unitText) ?? text(v.unitText);
  const unitText = unit && (SALARY_UNITS[unit.toUpperCase()] ?? unit.toLowerCase());
  return [currency?.toUpperCase(), range, unitText].filter(Boolean).join(" ");
}

/** YYYY-MM-DD: the date part of ISO dates as written, other formats through chrono. */
function postedDate(value: unknown): string | undefined {
  const raw = text(value);
  if (!raw) return undefined;
  const iso = raw.match(/^\d{4}-\d{2}-\d{2}/)?.[0];
  if (iso) return iso;
  const date = chrono.strict.parseDate(raw);
  if (!date) return undefined;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function absoluteHttpUrl(value: string | undefined, base: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, base || undefined);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function companyInfo(org: LdNode | undefined, resolve: (v: unknown) => unknown, baseUrl: string): string | undefined {
  if (!org) return undefined;
  const out: string[] = [];
  if (typeof org.description === "string") {
    const about = blocksToText(richTextToBlocks(org.description));
    if (about) out.push(about);
  }
  const website = absoluteHttpUrl(text(org.url), baseUrl);
  const profiles = uniqueList(asList(org.sameAs).map((s) => absoluteHttpUrl(text(resolve(s)), baseUrl))).filter((p) => p !== website);
  if (website) out.push(`Website: ${website}`);
  if (profiles.length) out.push(`${website ? "Profiles" : "Website"}: ${profiles.join(", ")}`);
  return out.length ? clipText(out.join("\n"), MAX_COMPANY_INFO_CHARS) : undefined;
}

interface PageMeta {
  title?: string | undefined;
  siteName?: string | undefined;
  description?: string | undefined;
  published?: string | undefined;
}

function readMeta(document: Document): PageMeta {
  const metas = new Map<string, string>();
  for (const meta of Array.from(document.querySelectorAll("meta"))) {
    const name = (meta.getAttribute("property") ?? meta.getAttribute("name") ?? "").toLowerCase();
    const content = plainText(meta.getAttribute("content") ?? "");
    if (name && content && !metas.has(name)) metas.set(name, content);
  }
  const siteName = metas.get("og:site_name") ?? metas.get("application-name");
  const documentTitle = plainText(document.querySelector("title")?.textContent ?? "");
  const h1 = plainText(document.querySelector("h1")?.textContent ?? "");
  const title = [metas.get("og:title"), metas.get("twitter:title"), h1, documentTitle]
    .map((t) => t && withoutSiteName(t, siteName))
    .find(Boolean);
  return {
    title,
    siteName,
    description: metas.get("og:description") ?? metas.get("description") ?? metas.get("twitter:description"),
    published: metas.get("article:published_time") ?? metas.get("date"),
  };
}

/** "Backend Engineer | Acme Careers" → "Backend Engineer" when the site is "Acme Careers". */
function withoutSiteName(title: string, siteName: string | undefined): string {
  if (!siteName) return title;
  const lower = title.toLowerCase();
  for (const separator of [" | ", " - ", " – ", " — ", " · ", " :: "]) {
    const suffix = `${separator}${siteName}`.toLowerCase();
    if (lower.endsWith(suffix) && title.length > suffix.length) return title.slice(0, -suffix.length).trim();
  }
  return title;
}

// Readability's run time grows steeply with nesting depth (a 60 KB page of 1,000 nested divs
// takes it 20 s) and with element count; job pages stay far below both. Beyond them the page's
// main element is read directly, which costs time in proportion to its size.
const READABILITY_MAX_DEPTH = 120;
const READABILITY_MAX_ELEMENTS = 10_000;

function tooComplexForReadability(root: Element): boolean {
  const stack: [Element, number][] = [[root, 0]];
  let count = 0;
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [element, depth] = entry;
    if (++count > READABILITY_MAX_ELEMENTS || depth > READABILITY_MAX_DEPTH) return true;
    for (const child of Array.from(element.children)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * The page's main text by Readability (which drops navigation, footers and sidebars), or the
 * main element (else the body) without its navigation when Readability cannot be used or finds
 * nothing. Both change the document: read it last.
 */
function readableBlocks(document: Document, title: string | undefined): Block[] {
  let blocks: Block[] = [];
  if (document.documentElement && !tooComplexForReadability(document.documentElement)) {
    try {
      const article = new Readability(document, { charThreshold: 100, maxElemsToParse: READABILITY_MAX_ELEMENTS }).parse();
      if (article?.content) blocks = nodeToBlocks(parseFragment(article.content).body);
    } catch {
      // Readability gives up on some malformed documents; the fallback below reads them.
    }
  }
  if (blocks.length === 0 && document.body) {
    const main = document.querySelector("main, [role=main], article") ?? document.body;
    for (const noise of Array.from(main.querySelectorAll("nav, footer, aside, [role=navigation]"))) noise.remove();
    blocks = nodeToBlocks(main);
  }
  // The job title heads most pages; it is the title field already.
  if (title && blocks[0] && key(blocks[0].text) === key(title)) blocks = blocks.slice(1);
  return blocks;
}

const JOB_SIGNALS = [
  /\bapply\b|\bapplications?\b|\bsubmit your (?:cv|resume|résumé)\b/i,
  /\b(?:full[- ]time|part[- ]time|permanent (?:role|position)|contract (?:role|position)|internship|freelance)\b/i,
  /\b(?:salary|compensation|per annum|equity|benefits)\b/i,
  /\b(?:we(?:'re| are) (?:hiring|looking for)|join (?:our|the) team|this (?:role|position)|the (?:role|position)|about the (?:role|job|position)|job description)\b/i,
  /\b\d+\+?\s*(?:years?|yrs)\b[^.\n]{0,40}\bexperience\b/i,
  /\b(?:responsibilities|requirements|qualifications)\b/i,
];
const JOB_TITLE =
  /\b(?:engineer|developer|manager|designer|analyst|scientist|specialist|lead|director|architect|consultant|intern|administrator|officer|coordinator|assistant|associate|technician|representative|head of|nurse|teacher|recruiter|accountant)\b/i;

/**
 * Whether text without JobPosting markup reads as a job ad: a title, and requirement or duty
 * sections backed by other signs (applying, pay, "the role"), or several such signs.
 */
function looksLikeJob(title: string | undefined, text: string, sectionKinds: number): boolean {
  if (!title) return false;
  const signals = JOB_SIGNALS.filter((s) => s.test(text)).length + (JOB_TITLE.test(title) ? 1 : 0);
  return sectionKinds >= 2 || (sectionKinds === 1 && signals >= 2) || signals >= 4;
}

/**
 * A job posting page read into a job: schema.org JobPosting JSON-LD when the page has it, else
 * its OpenGraph/meta tags and readable text. Lists come from the markup and from the sections of
 * the description; skills also from the technologies it names.
 */
export function parseJobPage(html: string, url: string): ParsedJob {
  if (!html.trim()) throw emptyPage();
  if (!hasMarkup(html)) return jobFromSource(plainTextSource(html), url);
  const { document } = parseHTML(html);
  const ld = readJsonLd(document);
  const meta = readMeta(document);
  const job = ld.jobPosting;
  if (!job && !meta.title && !meta.description && !document.body?.textContent?.trim()) throw emptyPage();

  const resolve = ld.resolve;
  const posting: LdNode = job ?? {};
  const hiring = resolve(posting.hiringOrganization);
  const hiringName = isNode(hiring) ? text(hiring.name) : text(hiring);
  // The page's own Organization node often says more about the employer than the posting does;
  // it is only used when it is the same company (not the job board that hosts the ad).
  const pageOrg = ld.organization && (!hiringName || text(ld.organization.name) === hiringName) ? ld.organization : undefined;
  const org = isNode(hiring) ? (hiring.description === undefined && pageOrg ? { ...pageOrg, ...hiring } : hiring) : pageOrg;
  const title = text(posting.title) ?? text(posting.name) ?? meta.title;
  const blocks =
    typeof posting.description === "string" && posting.description.trim()
      ? richTextToBlocks(posting.description)
      : readableBlocks(document, title);
  const parsed = jobFromSource(
    { marked: Boolean(job), posting, resolve, org, company: hiringName ?? text(org?.name) ?? companyOfSite(meta.siteName), title, blocks, meta },
    url,
  );
  const canonicalUrl = canonicalOf(document, url);
  return canonicalUrl ? { ...parsed, canonicalUrl } : parsed;
}

/** The page's `<link rel="canonical">` as an absolute http(s) address; postingKey decides whether it names the posting. */
const canonicalOf = (document: Document, base: string): string | undefined =>
  absoluteHttpUrl(document.querySelector('link[rel~="canonical"]')?.getAttribute("href")?.trim(), base);

/** What a posting says, from its markup or its text, before it is read into a job. */
interface PostingSource {
  /** Whether the page marks itself as a JobPosting; else its text must read as one. */
  marked: boolean;
  posting: LdNode;
  resolve: (value: unknown) => unknown;
  org: LdNode | undefined;
  company: string | undefined;
  title: string | undefined;
  blocks: Block[];
  meta: PageMeta;
}

const MAX_TITLE_CHARS = 150;

/** A posting served as plain text (a .txt file, a paste): its first line is the title. */
function plainTextSource(body: string): PostingSource {
  const all = textToBlocks(body);
  const title = all[0] && all[0].text.length <= MAX_TITLE_CHARS ? all[0].text : undefined;
  return { marked: false, posting: {}, resolve: (v) => v, org: undefined, company: undefined, title, blocks: title ? all.slice(1) : all, meta: {} };
}

function jobFromSource(source: PostingSource, url: string): ParsedJob {
  const { marked, posting, resolve, org, company, title, blocks, meta } = source;
  const description = clipText(blocksToText(blocks) || meta.description || "", MAX_DESCRIPTION_CHARS);
  const sections = extractSections(blocks);

  if (!marked) {
    const requirementKinds = sections.requirements.length + sections.niceToHave.length > 0 ? 1 : 0;
    const kinds = requirementKinds + (sections.responsibilities.length > 0 ? 1 : 0);
    if (!looksLikeJob(title, `${title ?? ""}\n${description}`, kinds)) throw notAJobPosting();
  }
  if (!title || !description) throw notAJobPosting();

  const requirements = uniqueList([
    ...lines(posting.qualifications, resolve),
    ...experienceLines(posting.experienceRequirements, resolve),
    ...educationLines(posting.educationRequirements, resolve),
    ...sections.requirements,
    ...sections.niceToHave.map((item) => `Nice to have: ${item}`),
  ]);
  const responsibilities = uniqueList([...lines(posting.responsibilities, resolve), ...sections.responsibilities]);
  const listedSkills = [...lines(posting.skills, resolve), ...sections.skills].flatMap((s) => {
    // "TypeScript, Kafka, PostgreSQL" is three skills; a sentence with commas is one.
    const parts = s.split(/\s*[,;]\s*/);
    return parts.every((part) => part.length <= 40 && part.split(" ").length <= 4) ? parts : [s];
  });
  const named = findTechnologies(withoutHiringPhrases([description, ...requirements, ...responsibilities, ...listedSkills].join("\n")));
  const skills = uniqueList([...listedSkills, ...named]);

  const parsed: ParsedJob = { title, description, requirements, skills, responsibilities };
  const optional: Partial<ParsedJob> = {
    company,
    companyInfo: companyInfo(org, resolve, url),
    employmentType: employmentType(posting.employmentType) ?? (marked ? undefined : fallbackEmploymentType(description)),
    location: location(posting, resolve),
    salary: salary(posting.baseSalary, resolve) ?? salary(posting.estimatedSalary, resolve),
    datePosted: postedDate(posting.datePosted ?? meta.published),
  };
  // Absent fields are left out rather than set to undefined, so they vanish from JSON too.
  for (const [name, value] of Object.entries(optional)) if (value) Object.assign(parsed, { [name]: value });
  return parsed;
}

/** "We're hiring", "is hiring a": the ad speaking, not Hiring as a skill the job asks for. */
const withoutHiringPhrases = (text: string) =>
  text.replace(/\b(?:we(?:['’]re| are)|is|are|now|currently|actively)\s+hiring\b|\bhiring\s+(?:a|an|for|now|immediately)\b/gi, " ");

/** "Globex Careers" → "Globex": a careers site is named after its company. */
const companyOfSite = (siteName: string | undefined) =>
  siteName?.replace(/\s+(?:careers?|jobs)(?:\s+(?:site|page|portal))?$/i, "").trim() || siteName;

function fallbackEmploymentType(description: string): string | undefined {
  const found = description.match(/\b(full[- ]time|part[- ]time)\b/i)?.[1];
  return found && EMPLOYMENT_TYPES[found.toUpperCase().replace(/[\s-]+/g, "_")];
}
