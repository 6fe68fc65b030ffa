import { roleSkills } from "../plan.js";
import { findTechnologies } from "../text/lexicon.js";
import { stem, stemSet } from "../text/words.js";
import { domainLabel, domainsOfRole, domainTerms, relatedDomains, workplaceTerms, type DomainId, type FieldWords } from "./domains.js";
import { StemVocabulary, sameStem } from "./stems.js";
import type { ScoringInput } from "./types.js";

export interface RelevanceJudgement {
  /** 0–10. */
  relevance: number;
  offTopic: boolean;
  /** The field the answer is about instead, when it is off topic. */
  foreignField?: string;
  /** Distinct words of the role's own field the answer uses ("détrempe", "p99", "sepsis"). */
  fieldTerms: number;
  /** Whether the answer names any word of the question's subject (synonyms included). */
  touchesQuestion: boolean;
}

/** Words every question uses that say nothing about its subject. */
const QUESTION_WORDS = new Set(
  ("time experience situation example approach handle handled ensure make made work worked working role result results happen happened share recent " +
    "specific particular favourite favorite use used using one day recently typically usually current previous last job career something someone " +
    "way want think know need needed keep kept take took go went across come whether sure").split(" ").map(stem),
);

/** A few words that questions and good answers express differently. */
const SYNONYMS: string[][] = [
  ["conflict", "disagree", "disagreed", "disagreement", "argument", "tension", "dispute", "clash", "friction", "pushback"],
  ["pressure", "stress", "stressful", "busy", "rush", "deadline", "tight", "overwhelmed", "peak", "crunch"],
  ["mistake", "error", "failure", "fail", "failed", "wrong", "incident", "outage", "discrepancy", "incorrect", "duplicate"],
  ["safe", "safety", "risk", "harm", "missed", "error"],
  ["lead", "leadership", "manage", "managed", "mentor", "coach", "supervise", "team", "delegate"],
  ["customer", "client", "guest", "user", "patient", "stakeholder"],
  ["improve", "improvement", "better", "faster", "reduce", "increase", "optimise", "optimize", "speed"],
  ["prioritise", "prioritize", "priority", "trade-off", "decide", "decision", "choose", "chose"],
  ["quality", "consistent", "consistency", "standard", "defect", "uniform"],
  ["learn", "learning", "learned", "learnt", "study", "course", "taught"],
  ["difficult", "challenge", "challenging", "hard", "tough", "struggle"],
  ["feedback", "criticism", "review", "critique"],
  ["communicate", "communication", "explain", "present", "presentation", "persuade", "convince"],
  ["say", "said", "refuse", "refused", "decline", "declined", "reject", "rejected", "pushback", "push back"],
  ["performance", "latency", "throughput", "slow", "fast", "speed"],
  ["scale", "scaling", "scalability", "growth", "load", "traffic"],
].map((group) => group.map(stem));

const synonymsOf = (s: string) => SYNONYMS.filter((g) => g.some((w) => sameStem(w, s))).flat();

/** Job and CV terms the answer names: technologies by name, other terms by all their words. */
function termsNamed(answer: string, answerStems: StemVocabulary, terms: string[]): number {
  const techs = new Set(findTechnologies(answer).map((t) => t.toLowerCase()));
  return new Set(
    terms.filter((term) => {
      if (techs.has(term.toLowerCase())) return true;
      const parts = [...stemSet(term)];
      return parts.length > 0 && parts.every((p) => answerStems.has(p));
    }).map((t) => t.toLowerCase()),
  ).size;
}

const union = (map: FieldWords, ids: Iterable<DomainId>) => {
  const all = new Set<string>();
  for (const id of ids) for (const t of map.get(id) ?? []) all.add(t);
  return all.size;
};

/**
 * Whether the answer addresses this question for this role: word overlap with the question and
 * topic (synonyms included), the role's field vocabulary, and the job's and CV's terms. An
 * answer whose field words belong to another field is off topic however well it is told; one
 * that paraphrases the question in the role's own vocabulary stays relevant.
 */
export function judgeRelevance(
  answer: string,
  words: number,
  input: Pick<ScoringInput, "question" | "topic" | "job" | "cvTerms">,
  options: { englishVocabulary: boolean },
): RelevanceJudgement {
  const answerStems = new StemVocabulary(stemSet(answer));
  const has = (s: string) => answerStems.has(s);
  const questionStems = [...stemSet(`${input.question} ${input.topic}`)].filter((s) => !QUESTION_WORDS.has(s));
  const matched = questionStems.filter((q) => has(q) || synonymsOf(q).some(has)).length;
  const coverage = questionStems.length ? Math.min(1, matched / Math.min(3, questionStems.length)) : 0;

  const skills = roleSkills(input.job.title);
  // Each part's field words are found once: for the role's fields, and for whether leisure is the subject.
  const titleWords = domainTerms(input.job.title);
  const descriptionWords = domainTerms(input.job.description ?? "");
  const termWords = domainTerms(input.job.terms.join(", "));
  const topicWords = domainTerms(input.topic);
  const questionWords = domainTerms(input.question);
  const skillWords = domainTerms(skills.join(", "));
  const home = domainsOfRole(titleWords, [descriptionWords, termWords, skillWords, topicWords, questionWords]);
  const related = [...relatedDomains(home)].filter((d) => !home.has(d));
  const found = domainTerms(answer);
  const homeHits = union(found, home);
  const relatedHits = union(found, related);
  // When the question asks about free time, or the job is a sports coach's, those words are the subject, not a field apart.
  const leisureOnTopic = [questionWords, topicWords, titleWords, descriptionWords, termWords].some((words) => words.has("leisure"));
  const foreign = [...found.keys()].filter((d) => !home.has(d) && !related.includes(d) && (d === "leisure" ? !leisureOnTopic : home.size > 0));
  const foreignHits = union(found, foreign);
  const jobHits = termsNamed(answer, answerStems, [...input.job.terms, ...skills]);
  const cvHits = termsNamed(answer, answerStems, input.cvTerms);
  const workplace = workplaceTerms(answer);

  const ownGround = homeHits + 0.5 * relatedHits + matched + jobHits;
  const connection = ownGround + cvHits + workplace + relatedHits;
  // A story from the candidate's personal life that names nothing of the role's field or the CV is
  // beside the point, whatever everyday words it shares with the job or the question by chance
  // ("coach" and the skill "coaching", "last season" and "seasonal menus").
  const personalLife = !leisureOnTopic && union(found, ["leisure"]) >= 2 && homeHits + relatedHits + cvHits === 0;
  const elsewhere = personalLife || (foreignHits >= 2 && foreignHits >= 2 * ownGround + 1);
  const unconnected = options.englishVocabulary && words >= 8 && connection === 0;
  const offTopic = elsewhere || unconnected;

  const questionPart = questionStems.length ? 4 * coverage : connection > 0 ? 3 : 0;
  let relevance =
    1 +
    questionPart +
    Math.min(3, homeHits + 0.4 * relatedHits) +
    Math.min(2, 0.75 * jobHits + 0.5 * cvHits) +
    Math.min(1, 0.34 * workplace);
  // Several words of the role's own field: about the job, even if the question's words are missing.
  if (!offTopic && homeHits >= 2) relevance = Math.max(relevance, 5);
  if (!offTopic && words >= 25) {
    // A paraphrase in the role's own vocabulary answers the question even with little literal overlap.
    if (homeHits + jobHits >= 3) relevance = Math.max(relevance, 7);
    else if (connection >= 4) relevance = Math.max(relevance, 6);
  }
  // The field vocabularies are English, so in another language their silence proves nothing.
  if (!options.englishVocabulary && !offTopic && words >= 15) relevance = Math.max(relevance, 6);
  if (offTopic) relevance = Math.min(relevance, 1 + 0.5 * Math.min(4, matched + homeHits));

  const topForeign = foreign.sort((a, b) => (found.get(b)?.size ?? 0) - (found.get(a)?.size ?? 0))[0];
  return {
    relevance: Math.max(0, Math.min(10, relevance)),
    offTopic,
    ...(elsewhere && topForeign ? { foreignField: domainLabel(topForeign) } : {}),
    fieldTerms: homeHits,
    touchesQuestion: matched > 0,
  };
}
