import { findTechnologies } from "../text/lexicon.js";
import { tokenize, wordCount } from "../text/words.js";
import { clauseMatching } from "./clauses.js";
import { sentences } from "./sentences.js";

/** What an answer measurably contains; the rubric and the feedback are both read from this. */
export interface AnswerSignals {
  words: number;
  /** Words in the longest sentence. */
  longestSentence: number;
  /** Distinct quantities: "900 ms", "60%", "$2k", "3x", "40 covers". */
  metrics: number;
  /** Outcome verbs and phrases: "reduced", "shipped", "as a result". */
  results: number;
  /** Causal links: "because", "so that", "which meant". */
  causal: number;
  /** Trade-offs and alternatives: "instead of", "the downside", "versus". */
  tradeOffs: number;
  /** How many parts of a structured account appear (situation, own task, sequence, result, example, reflection). */
  structure: number;
  tools: string[];
  /** Distinct capitalised names inside sentences: employers, products, places. */
  properNouns: number;
  /** Things the candidate says they did themselves: "I profiled", "I would start". */
  ownActions: number;
  /** Generic claims that fit any job ("communication is key"), and a clause that makes one. */
  platitudes: number;
  platitude?: string;
  /** Phrases placing the account in a real episode ("last spring", "on a night shift"). */
  anchors: number;
  /** Distinct past-tense verbs: what actually happened. */
  pastActions: number;
  /** "we", "our", "us". */
  we: number;
  fillers: number;
  /** Share of the answer's word trigrams that repeat an earlier one. */
  repetition: number;
  /** The most repeated three-word phrase, when one repeats three times or more. */
  repeatedPhrase?: string;
  /** A claim of improvement given without any figure, e.g. "latency improved". */
  unquantifiedClaim?: string;
}

const NUMBER_WORD =
  "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|a hundred|a thousand|a dozen)";
const UNIT =
  "(?:%|percent|per cent|ms\\b|milliseconds|s\\b|sec\\b|seconds|minutes?|mins?\\b|hours?|hrs?\\b|days?|weeks?|months?|years?|x\\b|times\\b|k\\b|m\\b|users|customers|requests|rps|qps|gb|tb|mb|people|engineers|covers|guests|patients|students|pupils|beds|kg\\b|g\\b|grams|°c?|degrees|euros?|dollars?|pounds?|points?|orders|tickets|stars|layers|folds|members|staff|nurses|chefs|cakes|croissants|pieces|units|items|sessions|accounts|a (day|week|month|year))";
export const METRIC = new RegExp(
  [
    "[$€£]\\s?\\d[\\d,.]*\\s?[km]?\\b",
    `\\b\\d+(?:[.,]\\d+)?\\s?${UNIT}`,
    // A bare number counts, but not a label such as "Year 10" or "ward 12".
    "(?<!\\b(?:year|grade|level|room|ward|bed|step|class|version|floor|unit|page|section|chapter|v)\\s?)\\b\\d{2,}(?:[.,]\\d+)?\\b",
    `\\b${NUMBER_WORD}[\\s-]+${UNIT}`,
    `\\bfrom ${NUMBER_WORD} to ${NUMBER_WORD}\\b`,
    // Nothing left is a figure too: "dropped to zero", "zero downtime".
    "\\b(?:dropped|fell|went|cut|brought|reduced|came|down)(?: \\w+){0,2} to zero\\b",
    "\\bzero[\\s-](?:downtime|errors?|incidents?|bugs?|complaints?|outages?|defects?|failures?|regressions?)\\b",
    "\\b(?:twice|doubled|halved|tripled|quadrupled|by half)\\b",
  ].join("|"),
  "gi",
);
export const RESULT =
  /\b(reduc\w*|increas\w*|improv\w*|sav(ed|ing)|cut|grew|launch\w*|shipp\w*|deliver\w*|fix\w*|resolv\w*|won|achiev\w*|doubled|halved|dropped|fell|rose|recovered|prevent\w*|lowered|raised|boosted|passed|completed|signed|went (down|up) (to|from|by)|went from|from \d[\d.,]*\s?[a-z%]*\s+to\s+\d|now (?:takes?|runs?|costs?|handles?)|came (down|back)|went out|on time|got better|did better|it worked|as a result|in the end|the outcome|the result was|which meant|since then|we ended up|ended up|(?:no|not a single|not one) (?:(?!(?:it|we|they|idea|wonder|reason|way)\b)\w+ ){0,2}(?:broke|failed|complained|churned|was lost|were lost)|without (?:any |a )?(?:downtime|outage|incident|complaint)s?)\b/gi;
export const CAUSAL = /\b(because|so that|therefore|which meant|as a result|due to|since|in order to|thus|that'?s why|led to|the reason|caused|so we|so i)\b/gi;
export const TRADE_OFF =
  /\b(trade-?offs?|instead of|rather than|alternatives?|on the other hand|however|downside|drawbacks?|the cost|at the cost|versus|vs\.?|compared (to|with)|the risk (is|was|of)|risky|weigh\w*|pros and cons|considered|option (was|would be)|but it meant|the catch|traded|chose\b[^.;]{1,40}\bover|reject\w*|decided against|ruled out|(?:latency|performance|speed|complexity|operational|maintenance) (?:cost|overhead|penalty))\b/gi;
/** The parts of a structured account, each recognised by its usual wording. */
const STRUCTURE = {
  situation: /\b(situation|context|background|at the time|the problem was|the challenge was|we had (a|an)|our \w+ was)\b/i,
  ownTask: /\b(my (role|task|job|goal|responsibility) was|i was (responsible|asked|tasked|in charge|running|on call)|i needed to|i owned|i led)\b/i,
  sequence: /\b(first(ly)?|then|next|after that|afterwards|finally|second(ly)?|step|while waiting)\b/i,
  result: /\b(as a result|in the end|the result|the outcome|which meant|since then|now (we|the|it)|ended up)\b/i,
  example: /\b(for example|for instance|e\.g\.|such as)\b/i,
  reflection: /\b(to summari[sz]e|in short|looking back|in hindsight|i learned|i learnt|lesson|next time|i would do differently)\b/i,
};
const FILLER =
  /\b(um+|uh+|erm|you know|basically|literally|sort of|kind of|stuff like that|and stuff|and so on|whatever|i guess|like i said|at the end of the day|to be honest|honestly|things like that|and everything)\b/gi;
/** "I" followed by these is a state of mind, not something done. */
const NOT_ACTIONS = new Set(
  "am was were think thought guess believe feel felt know knew mean love like enjoy hope want wanted suppose m don't dont didn't can't cannot have had".split(" "),
);
/** "I" and a verb of doing: "I profiled", "I would add". */
export const OWN_ACTION = new RegExp(
  `\\b[Ii](?:'d|'ll)?\\s+(?:(?:also|then|first|finally|personally|quickly|immediately|eventually|later|just|actually|really|would|will)\\s+)?(?!(?:${[...NOT_ACTIONS].join("|")})\\b)[\\p{L}']+`,
  "gu",
);

const CLAIM_TRANSITIVE =
  /\b((?:improved|reduced|increased|cut|lowered|raised|boosted|optimi[sz]ed|decreased|shortened|sped up|speeded up|grew)\s+(?:the\s+|our\s+|its\s+|their\s+|my\s+)?(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)(?=\s+(?:by|from|to|with|in|for|and|but|because|so|which|while|when|after|at|on|of|over|during|a lot|significantly|dramatically|massively)\b|\s*[,.;:!?]|\s*$)/iu;
const CLAIM_INTRANSITIVE =
  /\b((?:the\s+|our\s+|my\s+)?(?!(?:i|we|it|they|this|that|which|who|he|she|you|and|then|so|also)\b)[\p{L}-]+\s+(?:improved|dropped|went down|went up|fell|rose|increased|decreased|grew|got (?:better|faster)))\b/iu;
const CLAIM_COMPARATIVE =
  /\b((?:made|got|was|were|is|became|felt|run|ran|went)\s+(?:it\s+|things\s+|everything\s+|the\s+[\p{L}-]+\s+)?(?:much\s+|a lot\s+|way\s+|far\s+|really\s+)?(?:faster|quicker|better|cheaper|smoother|easier|more (?:reliable|stable|efficient|consistent|productive)|less (?:waste|downtime|stressful)))\b/iu;
const HAS_QUANTITY = new RegExp(`\\d|\\b(twice|half|halved|doubled|tripled|percent|zero|${NUMBER_WORD})\\b`, "i");
/** Generic claims that could be said of any job: they fill an answer without saying anything. */
export const PLATITUDE =
  /\b((is|are|was) (really |so |very |the most |one of the most |also )?(important|key|everything|crucial|essential)|the most important (thing|part|moment)|(is|are) all about|really good|in general|a lot of things|lots of things|many ways|so many ways|you never know|that is (just|basically|really|kind of) (how|what)|that is how i|that is why i think|i always (try|focus|tell|stay)|everyone (cared|was happy|is happy))\b/gi;
/** Where an account is anchored in a real episode: "last spring", "on a night shift", "in 2023". */
const ANCHOR =
  /\b(last (year|month|week|spring|summer|autumn|fall|winter|quarter|sprint)|one (evening|night|day|morning|afternoon|weekend)|on a (night|day|late|early) shift|at my (last|previous|current) (job|company|role|workplace)|in (19|20)\d\d|during (a|an|the|our) [\p{L}-]+|in my (first|second|third|last) (year|month|week))\b/giu;

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;
const distinct = (text: string, re: RegExp) => new Set((text.match(re) ?? []).map((m) => m.toLowerCase().trim())).size;

/** The first claim of improvement with no figure in its sentence or the next. */
function firstUnquantifiedClaim(all: string[]): string | undefined {
  for (let i = 0; i < all.length; i++) {
    const sentence = all[i]!;
    if (HAS_QUANTITY.test(sentence) || HAS_QUANTITY.test(all[i + 1] ?? "")) continue;
    const match = CLAIM_TRANSITIVE.exec(sentence) ?? CLAIM_INTRANSITIVE.exec(sentence) ?? CLAIM_COMPARATIVE.exec(sentence);
    if (match?.[1]) return match[1].replace(/\s+/g, " ").trim();
  }
  return undefined;
}

function properNouns(all: string[], tools: string[]): number {
  const toolWords = new Set(tools.flatMap((t) => t.toLowerCase().split(/\s+/)));
  const names = new Set<string>();
  for (const sentence of all) {
    const words = sentence.split(/\s+/).slice(1);
    for (const raw of words) {
      const word = raw.replace(/^[^\p{L}]+|[^\p{L}\p{N}]+$/gu, "");
      if (word.length >= 2 && /^\p{Lu}/u.test(word) && !/^I('|$)/.test(word) && !toolWords.has(word.toLowerCase())) names.add(word);
    }
  }
  return names.size;
}

function repetitionOf(tokens: string[]): { share: number; phrase?: string } {
  if (tokens.length < 12) return { share: 0 };
  const seen = new Map<string, number>();
  for (let i = 0; i + 3 <= tokens.length; i++) {
    const key = tokens.slice(i, i + 3).join(" ");
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const total = tokens.length - 2;
  const repeats = [...seen.values()].reduce((sum, n) => sum + n - 1, 0);
  const [phrase, times] = [...seen].sort((a, b) => b[1] - a[1])[0] ?? ["", 0];
  return { share: repeats / total, ...(times >= 3 ? { phrase } : {}) };
}

/** Past tense by spelling; words that merely end in "-ed" are left out. */
const NOT_PAST = new Set("need feed speed indeed seed bed red shed proceed succeed exceed breed bleed greed weed deed hundred sacred wicked naked based".split(" "));
const pastActions = (tokens: string[]) => new Set(tokens.filter((t) => t.length > 4 && /[a-z]ed$/.test(t) && !NOT_PAST.has(t))).size;

/** Technologies named in the text; "12°C" is a temperature, not the C language. */
const namedTools = (text: string) => findTechnologies(text.replace(/\d\s?°\s?[CF]\b/g, " "));

/** How many parts of a structured account are present; a real episode or outcome counts even unannounced. */
function structureOf(answer: string, all: string[], seen: { anchors: number; ownActions: number; results: number }): number {
  const parts = [
    STRUCTURE.situation.test(answer) || seen.anchors > 0 || /^(at|in|during|on|when|last|while)\b/i.test(all[0] ?? ""),
    STRUCTURE.ownTask.test(answer) || seen.ownActions >= 2,
    STRUCTURE.sequence.test(answer),
    STRUCTURE.result.test(answer) || seen.results > 0,
    STRUCTURE.example.test(answer),
    STRUCTURE.reflection.test(answer),
  ];
  return parts.filter(Boolean).length;
}

/** A figure that frames a question (a span of time, a multiple) rather than reporting a result. */
const FRAME = /\b(days?|weeks?|months?|years?|twice|times|doubled|halved|by half)\b/i;

/**
 * Figures in the answer, leaving out the question's own frame said back ("in the first 90 days",
 * "at twice the volume"). A result the question quotes from the CV ("12k messages per second")
 * still counts: it is the candidate's figure.
 */
function figuresOf(answer: string, question: string): number {
  const given = new Set((question.match(METRIC) ?? []).filter((m) => FRAME.test(m)).map((m) => m.toLowerCase().trim()));
  return new Set((answer.match(METRIC) ?? []).map((m) => m.toLowerCase().trim()).filter((m) => !given.has(m))).size;
}

export function measureAnswer(answer: string, language = "en", question = ""): AnswerSignals {
  const all = sentences(answer, language);
  const tools = namedTools(answer);
  const tokens = tokenize(answer);
  const repetition = repetitionOf(tokens);
  const claim = firstUnquantifiedClaim(all);
  const platitude = clauseMatching(answer, [[PLATITUDE]], 9);
  const ownActions = count(answer, OWN_ACTION);
  const anchors = distinct(answer, ANCHOR);
  const results = count(answer, RESULT);
  return {
    words: tokens.length,
    longestSentence: Math.max(0, ...all.map(wordCount)),
    metrics: figuresOf(answer, question),
    results,
    causal: count(answer, CAUSAL),
    tradeOffs: count(answer, TRADE_OFF),
    structure: structureOf(answer, all, { anchors, ownActions, results }),
    tools,
    properNouns: properNouns(all, tools),
    ownActions,
    platitudes: count(answer, PLATITUDE),
    anchors,
    pastActions: pastActions(tokens),
    we: count(answer, /\b(we|our|us|we've|we'd|we're)\b/gi),
    fillers: count(answer, FILLER),
    repetition: repetition.share,
    ...(repetition.phrase ? { repeatedPhrase: repetition.phrase } : {}),
    ...(claim ? { unquantifiedClaim: claim } : {}),
    ...(platitude ? { platitude } : {}),
  };
}

export type QuestionKind = "experience" | "hypothetical" | "open" | "knowledge";

/** What a question asks for decides what a complete answer contains (an outcome, a trade-off…). */
export function questionKind(question: string): QuestionKind {
  if (/\b(tell me about yourself|introduce yourself|why (do you want|this role|are you interested|us)|what (motivates|drives) you|your strengths)\b/i.test(question)) return "open";
  if (/\b(tell me about a time|describe a (time|situation|project)|give (me )?an example|have you (ever)?|what did you|walk me through|talk me through|how did you|when did you|share an example|a (recent|past) project|your (last|previous|current) (role|job))\b/i.test(question)) return "experience";
  if (/\b(how would you|what would you|imagine|suppose|if you (were|had)|design an?|how (do|would) you (approach|handle|decide|design|plan))\b/i.test(question)) return "hypothetical";
  return "knowledge";
}

/**
 * The cue words above are English. For an answer in another language, the cues that cannot be
 * read are assumed typical rather than absent, so the answer is judged on its figures, names,
 * length and shape instead of being marked down for words it could not contain.
 */
export function withNeutralCues(s: AnswerSignals): AnswerSignals {
  const { unquantifiedClaim: _claim, platitude: _platitude, ...rest } = s;
  return {
    ...rest,
    causal: Math.max(s.causal, 1),
    structure: Math.max(s.structure, 2),
    results: Math.max(s.results, s.metrics > 0 ? 1 : 0),
    ownActions: Math.max(s.ownActions, 1),
    platitudes: 0,
    fillers: 0,
    we: 0,
  };
}
