import normalizeUrl from "normalize-url";
import type { ImportedJob } from "./types.js";

/**
 * Query parameters that say how someone came to a posting, not which posting it is: campaign
 * tags, ad and e-mail click ids, job boards' own source tags. Kept narrow on purpose: boards
 * such as Greenhouse (gh_jid) and Indeed (jk) name the job itself in the query.
 */
const TRACKING_PARAMETERS = [/^utm_\w+$/i, /^(?:gclid|gbraid|wbraid|fbclid|msclkid|dclid|twclid|li_fat_id|igshid|mc_cid|mc_eid|_hsenc|_hsmi|gh_src|lever-source|trk|trackingid|refid)$/i];

/**
 * One key for every address of the same posting: the page's canonical address when it names one,
 * else where the fetch ended; without tracking parameters, fragment, "www.", trailing slash and
 * the http/https difference, with the remaining parameters in order.
 */
export function postingKey(job: Pick<ImportedJob, "sourceUrl" | "canonicalUrl">): string {
  return normalizeUrl(job.canonicalUrl ?? job.sourceUrl, {
    stripHash: true,
    stripProtocol: true,
    removeQueryParameters: TRACKING_PARAMETERS,
    sortQueryParameters: true,
  });
}
