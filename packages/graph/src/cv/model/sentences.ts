/**
 * Sentences of a text. Intl.Segmenter finds the candidate breaks; a break right after a known
 * abbreviation ("e.g.", "Inc.", "Jun.", "U.S.") or an initial ("J. Smith") is not a sentence end.
 */
const ABBREVIATIONS = new Set(
  (
    "e.g i.e etc vs approx appx est inc ltd llc co corp plc dept univ assn bros jr sr dr mr mrs ms prof st mt ave rd " +
    "no nos vol fig ed eds al cf ca jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun " +
    "u.s u.k u.s.a e.u ph.d b.sc m.sc b.a m.a b.s m.s m.b.a"
  ).split(" "),
);

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

function endsWithAbbreviation(segment: string): boolean {
  const last = /(\S+)\.\s*$/.exec(segment)?.[1];
  if (!last) return false;
  const word = last.replace(/^[("'[]+/, "").toLowerCase();
  return ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(last) || /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let pending = "";
  for (const { segment } of segmenter.segment(text.replace(/\s+/g, " ").trim())) {
    pending += segment;
    if (!endsWithAbbreviation(pending)) {
      if (pending.trim()) out.push(pending.trim());
      pending = "";
    }
  }
  if (pending.trim()) out.push(pending.trim());
  return out;
}
