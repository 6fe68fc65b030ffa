const STOPWORDS = new Set(
  (
    "a about above after again against all am an and any are as at be because been before being below between both " +
    "but by can could did do does doing down during each few for from further had has have having he her here hers " +
    "herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on " +
    "once only or other our ours ourselves out over own same she should so some such than that the their theirs them " +
    "themselves then there these they this those through to too under until up very was we were what when where which " +
    "while who whom why will with would you your yours yourself yourselves also like really well get got thing things " +
    "lot lots kind sort maybe much many one two us let let's i'm i've i'd it's that's don't didn't can't won't " +
    "tell describe explain give example walk talk time way ask question answer please would could should"
  ).split(/\s+/),
);

/** Lower-case word tokens (letters, digits, and inner . + # - /), e.g. "node.js", "c++", "ci/cd". */
export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}.+#/-]*[\p{L}\p{N}+#]|[\p{L}\p{N}]/gu) ?? []).map(
    (t) => t.replace(/[.-]+$/, ""),
  );
}

/** A crude stem that is enough to match "scaling"/"scaled"/"scales" and "services"/"service". */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  return word.replace(/(ingly|edly|ings|ing|ied|ies|ed|es|s|ly)$/, "") || word;
}

export function contentWords(text: string): string[] {
  return tokenize(text).filter((w) => w.length > 2 && !STOPWORDS.has(w));
}

export function stemSet(text: string): Set<string> {
  return new Set(contentWords(text).map(stem));
}

/** The most frequent content words of a text (ties broken by first appearance). */
export function keyTerms(text: string, limit: number): string[] {
  const counts = new Map<string, number>();
  for (const w of contentWords(text)) {
    if (/^\d+$/.test(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([w]) => w);
}

export function wordCount(text: string): number {
  return tokenize(text).length;
}

/** Cheap, stable 32-bit hash (FNV-1a) used for seeds and hashed embeddings. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
