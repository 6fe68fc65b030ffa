import { describe, expect, it } from "vitest";
import hnswlib from "hnswlib-node";
import { CvIngestor } from "./ingest.js";
import { CvIndexCache } from "./cv-index.js";
import { extractCvProfile } from "./profile.js";
import { HashedEmbeddings } from "../engines/hashed-embeddings.js";
import { cvPdf, makePdf, SAMPLE_CV_TEXT } from "../testing/pdf.js";
import { isInterviewError } from "../errors.js";

const embeddings = new HashedEmbeddings();
const ingestor = new CvIngestor(embeddings, { maxBytes: 1024 * 1024, maxPages: 5, parseTimeoutMs: 10_000 });

async function rejection(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("CV pipeline", () => {
  it("parses a multi-page PDF, chunks it and finds the passage about a skill it names", async () => {
    const cv = await ingestor.fromPdf(await cvPdf());
    expect(cv.pages).toBe(2);
    expect(cv.chunks.length).toBeGreaterThan(1);
    expect(cv.chunks.every((c) => c.vector.length === embeddings.dimensions)).toBe(true);

    const index = new CvIndexCache(embeddings);
    const hits = await index.search("thread-a", cv.chunks, await embeddings.embedQuery("Kafka"), 2);
    expect(hits[0]!.text).toContain("Kafka");
    expect(hits[0]!.similarity).toBeGreaterThan(0.12);
    const unrelated = await index.search("thread-a", cv.chunks, await embeddings.embedQuery("watercolour painting"), 1);
    expect(unrelated[0]!.similarity).toBeLessThan(0.12);
  });

  it("scores offline vectors in the dimensions the CV uses exactly as in all 1 024", async () => {
    const cv = await ingestor.fromText(SAMPLE_CV_TEXT.join("\n"));
    const full = new hnswlib.BruteforceSearch("cosine", embeddings.dimensions);
    full.initIndex(cv.chunks.length);
    cv.chunks.forEach((c, label) => full.addPoint(c.vector, label));
    const index = new CvIndexCache(embeddings);
    for (const topic of ["Kafka event pipeline", "Go services on Kubernetes", "watercolour painting", "leadership of a team", "the"]) {
      const query = await embeddings.embedQuery(topic);
      const k = cv.chunks.length;
      const expected = full.searchKnn(query, k);
      const hits = await index.search("thread-a", cv.chunks, query, k);
      const similarity = new Map(expected.neighbors.map((label, i) => [cv.chunks[label]!.id, 1 - expected.distances[i]!]));
      for (const hit of hits) expect(hit.similarity).toBeCloseTo(Number.isNaN(similarity.get(hit.chunkId)) ? 0 : similarity.get(hit.chunkId)!, 5);
      expect(hits[0]!.similarity).toBeCloseTo(Math.max(...similarity.values()), 5);
    }
    // Dense vectors (a provider's embeddings) use every dimension and are indexed as they are.
    const dense = cv.chunks.map((c, i) => ({ ...c, vector: c.vector.map((x, d) => x + ((d * 7 + i) % 13) / 1000 + 0.001) }));
    const [hit] = await new CvIndexCache().search("thread-b", dense, dense[2]!.vector, 1);
    expect(hit).toMatchObject({ chunkId: dense[2]!.id });
    expect(hit!.similarity).toBeCloseTo(1, 5);
  });

  it("extracts skills, technologies, projects and employers", () => {
    const profile = extractCvProfile(SAMPLE_CV_TEXT.join("\n"));
    expect(profile.technologies).toEqual(expect.arrayContaining(["Go", "TypeScript", "Kubernetes", "Kafka", "PostgreSQL"]));
    expect(profile.projects).toEqual(["RouteWise", "LedgerLite"]);
    expect(profile.employers).toEqual(expect.arrayContaining(["Parcelly", "Paynow"]));
    expect(profile.skills).toEqual(expect.arrayContaining(["Go", "Terraform", "Redis"]));
  });

  it("keeps each thread's CV to itself", async () => {
    const mine = await ingestor.fromText("Experience\nBuilt a Kafka event pipeline for payments at Paynow.");
    const theirs = await ingestor.fromText("Experience\nPainted watercolour murals and taught art classes at a school.");
    const index = new CvIndexCache(embeddings);
    await index.search("thread-a", mine.chunks, await embeddings.embedQuery("Kafka"), 3);
    const hits = await index.search("thread-b", theirs.chunks, await embeddings.embedQuery("Kafka"), 3);
    expect(hits.map((h) => h.text).join(" ")).not.toContain("Kafka");
  });

  it.each([
    ["a file that is not a PDF", async () => new TextEncoder().encode("just some text, not a pdf at all"), "unsupported_media_type"],
    ["a file over the size limit", async () => new Uint8Array(1024 * 1024 + 1), "cv_too_large"],
    ["a corrupt PDF", async () => new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage"), "unreadable_pdf"],
    ["a PDF with too many pages", async () => makePdf(Array.from({ length: 6 }, (_, i) => `Page ${i + 1} of a long CV with some words.`)), "cv_too_large"],
    ["a PDF with no text", async () => makePdf([""]), "unreadable_pdf"],
  ])("rejects %s with a clear error", async (_, make, code) => {
    const error = await rejection(ingestor.fromPdf(await make()));
    expect(isInterviewError(error, code as never)).toBe(true);
    expect((error as Error).message).not.toMatch(/Kafka|Ana/);
  });
});
