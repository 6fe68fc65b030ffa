import { chunkCvText } from "../cv/chunk.js";
import { HashedEmbeddings } from "../engines/hashed-embeddings.js";
import type { CandidateAnswerInput, Persona } from "./types.js";

/** A persona's CV used by the tests: employers, technologies and metrics to check answers against. */
export const PERSONA_CV = `Maya Okafor
Senior Backend Engineer
maya.okafor@example.com · +44 7700 900417

Summary
Backend engineer with 8 years building logistics and payments platforms.

Experience
Senior Backend Engineer at Parcelly (2021 - Present)
- Led the migration of the dispatch service to Kubernetes, cutting deploy time from 40 to 6 minutes.
- Designed an event pipeline on Kafka handling 12k messages per second.
- Mentored 3 junior engineers through their first on-call rotation.
Backend Engineer at Paynow (2017 - 2021)
- Built the card settlement API in Go with PostgreSQL, processing 2M payments a day.
- Cut p95 latency of the merchant dashboard by 45% by adding Redis caching.

Projects
RouteWise: open-source route optimiser written in Go using graph search.

Skills
Languages: Go, TypeScript, Python
Infrastructure: Kubernetes, Terraform, AWS
Data: PostgreSQL, Redis, Kafka

Education
BSc Computer Science, University of Ashmere (2013 - 2016)`;

const embeddings = new HashedEmbeddings();
const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);

/** The interviewer's CV retrieval, offline: chunks ranked by cosine similarity to the question. */
export async function retrieve(cv: string, question: string, k = 3): Promise<{ passages: string[]; similarity: number }> {
  const chunks = await chunkCvText(cv);
  const query = embeddings.embedOne(question);
  const hits = chunks
    .map((text) => ({ text, similarity: cosine(embeddings.embedOne(text), query) }))
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, k);
  return { passages: hits.map((h) => h.text), similarity: hits[0]?.similarity ?? 0 };
}

/** An answer input as the engine would build it for one question of an interview in progress. */
export async function questionFor(
  question: string,
  persona: Persona,
  options: Partial<CandidateAnswerInput> & { cv?: string } = {},
): Promise<CandidateAnswerInput> {
  const { cv = PERSONA_CV, ...overrides } = options;
  const { passages, similarity } = await retrieve(cv, question);
  return {
    question,
    passages,
    similarity,
    persona,
    seniority: "senior",
    jobTitle: "Backend Engineer",
    askedBefore: [],
    previousAnswers: [],
    seed: "interview-1",
    turn: 1,
    background: await chunkCvText(cv),
    ...overrides,
  };
}
