import normalizeUrl from "normalize-url";
import type { ImportedJob } from "./types.js";

/**
 * Query parameters that say how someone came to a posting, not which posting it is: campaign
 * tags, ad and e-mail click ids, job boards' own source tags. Kept narrow on purpose: boards
 * such as Greenhouse (gh_jid) and Indeed (jk) name the job itself in the query.
 */
const TRACKING_PARAMETERS = [/^utm_\w+$/i, /^(?:gclid|gbraid|wbraid|fbclid|msclkid|dclid|twclid|li_fat_id|igshid|mc_cid|mc_eid|_hsenc|_hsmi|gh_src|lever-source|trk|trackingid|refid)$/i];

/** Without tracking parameters, fragment, "www." and trailing slash, over https, with the other parameters in order. */
const normal = (url: string) =>
  new URL(normalizeUrl(url, { stripHash: true, forceHttps: true, removeQueryParameters: TRACKING_PARAMETERS, sortQueryParameters: true }));

/**
 * Whether the page's canonical address names this posting. Pages often name a listing instead: a
 * site's front page, /jobs or /en/jobs for /jobs/42, /careers/openings for /careers/backend, a
 * careers page without the ?gh_jid=4012 that picks the job, or another site's page. Trusting those
 * would make every posting under it one. So it must be on the same site, keep the page's query,
 * and be the page's own address spelt another way: the same, deeper (/jobs/42/backend), or in the
 * same folder with a last part that begins with the same id (/jobs/42 for /jobs/42-backend).
 */
function namesThePosting(canonical: URL, source: URL): boolean {
  if (canonical.host !== source.host) return false;
  if (![...source.searchParams].every(([name, value]) => canonical.searchParams.getAll(name).includes(value))) return false;
  const c = segments(canonical);
  const s = segments(source);
  if (c.length >= s.length && s.every((part, i) => c[i] === part)) return true;
  // The shared first word must hold a digit, as a job's id does: /jobs/engineering for
  // /jobs/engineering-manager is a department's page, not the posting.
  const firstWord = (part: string) => part.split(/[-_.]/)[0]!;
  const word = c.length > 0 ? firstWord(c.at(-1)!) : "";
  return c.length === s.length && /\d/.test(word) && c.slice(0, -1).join("/") === s.slice(0, -1).join("/") && word === firstWord(s.at(-1)!);
}

const segments = (url: URL) => url.pathname.split("/").filter(Boolean);

/**
 * One key for every address of the same posting: the page's canonical address when it names the
 * posting, else where the fetch ended; normalised (see `normal`) and without the scheme.
 */
export function postingKey(job: Pick<ImportedJob, "sourceUrl" | "canonicalUrl">): string {
  const source = normal(job.sourceUrl);
  const canonical = job.canonicalUrl ? normal(job.canonicalUrl) : undefined;
  const chosen = canonical && namesThePosting(canonical, source) ? canonical : source;
  return chosen.href.replace(/^https:\/\//, "");
}
