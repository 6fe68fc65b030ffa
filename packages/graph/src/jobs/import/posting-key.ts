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
 * site's front page, /jobs for /job/42, a careers page without the ?gh_jid=4012 that picks the
 * job, or another site's page. Trusting those would make every posting under it one. So it must be
 * on the same site, as deep as the page (/jobs/42 for /jobs/42-backend-engineer), and keep the
 * page's query.
 */
function namesThePosting(canonical: URL, source: URL): boolean {
  const depth = (url: URL) => url.pathname.split("/").filter(Boolean).length;
  if (canonical.host !== source.host || depth(canonical) < depth(source)) return false;
  return [...source.searchParams].every(([name, value]) => canonical.searchParams.getAll(name).includes(value));
}

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
