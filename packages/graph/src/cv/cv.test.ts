import { afterAll, describe, expect, it } from "vitest";
import { CvIngestor } from "./ingest.js";
import { CvIndexRetriever, InMemoryCvStore } from "./cv-store.js";
import { PdfReader, defaultPdfLimits } from "./pdf.js";
import { HashedEmbeddings } from "../engines/hashed-embeddings.js";
import { cvPdf, makePdf, SAMPLE_CV_TEXT } from "../testing/pdf.js";
import { isInterviewError } from "../errors.js";

const embeddings = new HashedEmbeddings();
const pdf = new PdfReader({ ...defaultPdfLimits, maxBytes: 1024 * 1024, maxPages: 5 });
const ingestor = new CvIngestor(embeddings, pdf);
afterAll(() => pdf.close());

async function rejection(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

async function indexed(threadId: string, text: string) {
  const store = new InMemoryCvStore();
  const cv = await ingestor.fromText(text);
  await store.save(threadId, "cv-1", cv.passages);
  return { cv, retriever: new CvIndexRetriever(store, embeddings) };
}

describe("CV pipeline", () => {
  it("parses a multi-page PDF, chunks it and finds the passage about a skill it names", async () => {
    const cv = await ingestor.fromPdf(await cvPdf());
    expect(cv.pages).toBe(2);
    expect(cv.passages.length).toBeGreaterThan(1);
    expect(cv.passages.every((p) => p.vector.length === embeddings.dimensions)).toBe(true);
    const store = new InMemoryCvStore();
    await store.save("thread-a", "cv-1", cv.passages);
    const retriever = new CvIndexRetriever(store, embeddings);
    const hits = await retriever.search("thread-a", "cv-1", "Kafka", 2);
    expect(hits[0]!.text).toContain("Kafka");
    expect(hits[0]!.similarity).toBeGreaterThan(0.12);
    const unrelated = await retriever.search("thread-a", "cv-1", "watercolour painting", 1);
    expect(unrelated[0]!.similarity).toBeLessThan(0.12);
  });

  it("reads an index back from the store in any process, with the same hits as the one built at ingestion", async () => {
    const { cv, retriever } = await indexed("thread-a", SAMPLE_CV_TEXT.join("\n"));
    const fresh = new CvIndexRetriever(new InMemoryCvStore(), embeddings);
    fresh.remember("cv-1", cv.passages);
    for (const topic of ["Kafka event pipeline", "Go services on Kubernetes", "leadership of a team"]) {
      expect(await retriever.search("thread-a", "cv-1", topic, 3)).toEqual(await fresh.search("thread-a", "cv-1", topic, 3));
    }
  });

  it("keeps only the CVs searched last within its memory budget, and reads the others back with the same hits", async () => {
    const store = new InMemoryCvStore();
    const loads: string[] = [];
    const counted = { save: store.save.bind(store), load: (threadId: string, cvId: string) => (loads.push(cvId), store.load(threadId, cvId)) };
    const cv = await ingestor.fromText(SAMPLE_CV_TEXT.join("\n"));
    const oneIndex = cv.passages.length * embeddings.dimensions * 4;
    for (const id of ["a", "b", "c"]) await store.save(`thread-${id}`, `cv-${id}`, cv.passages);
    const retriever = new CvIndexRetriever(counted, embeddings, { maxBytes: 2 * oneIndex });
    const first = await retriever.search("thread-a", "cv-a", "Kafka event pipeline", 3);
    await retriever.search("thread-b", "cv-b", "Kafka event pipeline", 3);
    await retriever.search("thread-a", "cv-a", "Kafka event pipeline", 3);
    expect(loads).toEqual(["cv-a", "cv-b"]);
    // A third CV leaves room for two: the one searched longest ago (b) goes, a stays.
    await retriever.search("thread-c", "cv-c", "Kafka event pipeline", 3);
    expect(await retriever.search("thread-a", "cv-a", "Kafka event pipeline", 3)).toEqual(first);
    expect(loads).toEqual(["cv-a", "cv-b", "cv-c"]);
    expect(await retriever.search("thread-b", "cv-b", "Kafka event pipeline", 3)).toEqual(first);
    expect(loads).toEqual(["cv-a", "cv-b", "cv-c", "cv-b"]);
  });

  it("keeps the typed CV model of an ingested CV, without its contact lines", async () => {
    const { profile } = await ingestor.fromText(SAMPLE_CV_TEXT.join("\n"));
    expect(profile.technologies).toEqual(expect.arrayContaining(["Go", "TypeScript", "Kubernetes", "Kafka", "PostgreSQL"]));
    expect(profile.projects.map((p) => p.name)).toEqual(["RouteWise", "LedgerLite"]);
    expect(profile.experience.map((e) => e.organisation)).toEqual(expect.arrayContaining(["Parcelly", "Paynow"]));
    expect(profile.contact).toEqual({ emails: [], phones: [], links: [] });
    expect(JSON.stringify(profile)).not.toContain("ana.lima@example.com");
  });

  it("leaves contact details out of the passages questions are grounded in, and keeps what the candidate did", async () => {
    const text = [
      "Ana Lima",
      "Senior Backend Engineer",
      "Contact: ana.lima@example.com, +44 7700 900123, linkedin.com/in/ana-lima",
      "Experience",
      "Parcelly — Senior Backend Engineer (2020–2024): built the Kafka event pipeline with Socket.io dashboards; reach me at ana@parcelly.example or https://ana.example/blog for the write-up.",
      "Call +1 (312) 555-0142 for references. Cut p99 latency from 900 to 120 ms in 2021 - 2022.",
      "Skills: C#, asp.net, socket.io, Azure",
    ].join("\n");
    const { passages } = await ingestor.fromText(text);
    const all = passages.map((p) => p.text).join("\n");
    for (const detail of ["ana.lima@example.com", "7700 900123", "linkedin.com", "ana@parcelly.example", "https://ana.example", "555-0142"]) expect(all).not.toContain(detail);
    expect(all).toContain("Ana Lima");
    expect(all).toContain("built the Kafka event pipeline with Socket.io dashboards");
    expect(all).toContain("Cut p99 latency from 900 to 120 ms in 2021 - 2022.");
    expect(all).toContain("Skills: C#, asp.net, socket.io, Azure");
    expect(all).not.toMatch(/^Contact\b/m);
  });

  it("keeps each interview's CV to itself, even under the same id", async () => {
    const store = new InMemoryCvStore();
    const mine = await ingestor.fromText("Experience\nBuilt a Kafka event pipeline for payments at Paynow.");
    const theirs = await ingestor.fromText("Experience\nPainted watercolour murals and taught art classes at a school.");
    await store.save("thread-a", "cv-mine", mine.passages);
    await store.save("thread-b", "cv-theirs", theirs.passages);
    const retriever = new CvIndexRetriever(store, embeddings);
    await retriever.search("thread-a", "cv-mine", "Kafka", 3);
    const hits = await retriever.search("thread-b", "cv-theirs", "Kafka", 3);
    expect(hits.map((h) => h.text).join(" ")).not.toContain("Kafka");
    // The same interview id with another CV (erased and started again) gets its own index.
    await store.save("thread-a", "cv-new", theirs.passages);
    const reused = await retriever.search("thread-a", "cv-new", "Kafka", 3);
    expect(reused.map((h) => h.text).join(" ")).not.toContain("Kafka");
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

  it("refuses a CV text longer than a CV, counting characters", async () => {
    await expect(ingestor.fromText("é".repeat(100_000))).resolves.toMatchObject({ passages: expect.any(Array) });
    await expect(ingestor.fromText("🙂".repeat(100_001))).rejects.toMatchObject({ code: "cv_text_too_long" });
  });

  it("refuses to store a CV whose embedding came back empty", async () => {
    const broken = new CvIngestor({ embedDocuments: async (texts: string[]) => texts.map(() => []), embedQuery: async () => [] }, pdf);
    await expect(broken.fromText(SAMPLE_CV_TEXT.join("\n"))).rejects.toMatchObject({ code: "provider_unavailable" });
  });
});
