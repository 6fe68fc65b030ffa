import { cvTechnologies } from "./technologies.js";
import type { Bullet } from "./types.js";
import { stripBullet } from "./normalise.js";

/** Verbs CVs start achievement lines with, past and present forms (irregular ones listed). */
const IRREGULAR =
  "led|lead|leads|built|build|builds|ran|run|runs|wrote|write|writes|made|make|makes|drove|drive|drives|grew|grow|grows|cut|cuts|" +
  "set|sets|won|win|taught|teach|teaches|brought|bring|kept|keep|keeps|oversaw|oversee|oversees|undertook|spoke|gave|give|" +
  "sold|sell|held|hold|rebuilt|rebuild|shipped|ship|ships|own|owns|co-led|co-wrote|co-founded|founded|found|began|begin|" +
  "took|take|chose|rewrote|rewrite|sped|split|fed|shut|upheld|won|hired|hire|manage|manages|design|designs|develop|develops|" +
  "create|creates|maintain|maintains|train|trains|mentor|mentors|coordinate|coordinates|deliver|delivers|supervise|supervises|" +
  "prepare|prepares|analyse|analyses|analyze|analyzes|plan|plans|produce|produces|support|supports|implement|implements";
const NOT_VERBS = new Set(["red", "bed", "seed", "need", "speed", "feed", "shed", "bred", "united", "limited", "based", "used"]);
const LEADING_VERB = new RegExp(`^(?:${IRREGULAR})$`, "i");

/** Words that end the object of a verb: what follows is how, why or with what effect. */
const OBJECT_END = new RegExp(
  String.raw`,\s+(?=\p{Ll})|;|\s+[–—-]\s+|\s+\(|\s+(?:which|that|who|while|whereas|so that|so|resulting|leading|allowing|enabling|helping|making|thereby|through|via|by|across|within|from|saving|cutting|reducing|raising|improving|increasing)\s+|\s+to\s+(?=(?:reduce|improve|support|enable|help|cut|increase|speed|make|build|ensure|serve|handle|allow|track|meet|deliver|ship|shape|keep|prevent|detect|lower|raise|boost|scale|automate|replace|simplify|give|let|find|test|measure)\b)|\s+and\s+(?=(?:${IRREGULAR}|\p{Ll}+ed)\b)|\.\s|\.$`,
  "u",
);
const PREPOSITION_START = /^(?:with|for|on|in|at|to|from|across|alongside|under|into|as)\b/i;

const PARTICIPLE = /^\p{Ll}+ing$/u;

function objectOf(rest: string): string | undefined {
  const cut = OBJECT_END.exec(rest);
  let object = (cut ? rest.slice(0, cut.index) : rest).trim();
  // A participle after a noun phrase starts a new clause ("a pipeline handling 12k messages").
  const words = object.split(/\s+/);
  // "a Django booking platform" keeps its compound noun; "a pipeline handling 12k messages" does not.
  const at = words.findIndex(
    (w, i) => i >= 2 && PARTICIPLE.test(w) && !/^(?:during|including|using)$/.test(w) && /^(?:a|an|the|\d[\w.,+]*|over|up|more|from|all|every|each|its|their)$/i.test(words[i + 1] ?? ""),
  );
  if (at > 0) object = words.slice(0, at).join(" ");
  // "the Orbit design system used by 6 teams" was cut at "by": the participle goes too.
  object = object.replace(/[,.;:]+$/, "").replace(/\s+(?:used|based|written|built|powered|deployed|shared|adopted|tested|funded|run)$/, "").trim();
  if (!object || object.split(/\s+/).length > 14 || PREPOSITION_START.test(object)) return undefined;
  return object;
}

export function actionOf(firstWord: string): string | undefined {
  const word = firstWord.toLowerCase();
  if (NOT_VERBS.has(word)) return undefined;
  if (LEADING_VERB.test(word)) return word;
  if (/^(?:co-|re-|over|under)?\p{Ll}{3,}(?:ed|ised|ized)$/u.test(word)) return word;
  return undefined;
}

const METRICS: RegExp[] = [
  /\bfrom\s+[$£€]?\d[\d.,]*\s?(?:%|k|m|x|ms|[\p{L}]+(?:\s[\p{L}]+)?)?\s+to\s+[$£€]?\d[\d.,]*\s?(?:%|k\b|m\b|x\b|ms\b|(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|users|customers|requests|people)\b)?/giu,
  /[$£€]\s?\d[\d.,]*\s?(?:[kKmMbB]n?\b|million\b|billion\b|thousand\b)?/gu,
  /\b\d[\d.,]*\s?[kKmM]?\+?\s+(?:[\p{L}-]+\s){0,2}?(?:per|a|an|every|each)\s+(?:second|minute|hour|day|week|month|year|quarter|morning|night|shift|service)\b/giu,
  /\b\d+(?:\.\d+)?\s?(?:%|percent\b)/giu,
  /\b\d+(?:\.\d+)?x\b/giu,
  /\bp\d{2,3}\s+(?:latency\s+)?(?:of\s+)?\d+\s?ms\b|\b\d+\s?ms\b/giu,
  /\b\d[\d,.]*\+?\s?[kKmM]?\s+(?:users|customers|patients|clients|engineers|people|covers|servers|services|requests|transactions|payments|orders|stores|sites|products|families|students|apprentices|members|teams|countries|regions|downloads|predictions|experiments)\b/giu,
];

/** Figures a line gives, longest first where they overlap, in order of appearance. */
export function findMetrics(text: string): string[] {
  const spans: { at: number; end: number; text: string }[] = [];
  for (const re of METRICS) {
    for (const m of text.matchAll(re)) {
      const at = m.index;
      const end = at + m[0].length;
      if (spans.some((s) => at < s.end && end > s.at)) continue;
      spans.push({ at, end, text: m[0].trim().replace(/[.,]$/, "") });
    }
  }
  return spans.sort((a, b) => a.at - b.at).map((s) => s.text);
}

export function parseBullet(line: string): Bullet {
  const text = stripBullet(line).replace(/\s+/g, " ").trim();
  const [first = "", ...rest] = text.split(" ");
  const action = actionOf(first.replace(/[,:;]$/, ""));
  const object = action ? objectOf(rest.join(" ")) : undefined;
  return {
    text,
    ...(action ? { action } : {}),
    ...(object ? { object } : {}),
    technologies: cvTechnologies(text),
    metrics: findMetrics(text),
  };
}
