/**
 * Child process: CV ingestion (parse + chunk + embed + index) against pdf-parse's own text
 * extraction of the same file. A child of its own because pdf-parse changes globals on import
 * (the baseline loads it here; the engine parses in its PdfReader's pool of child processes).
 */
import { randomUUID } from "node:crypto";
import { CvIndexRetriever, CvIngestor, HashedEmbeddings, InMemoryCvStore, PdfReader } from "@interview/graph";
import { makePdf } from "@interview/graph/testing";
import { cvPages } from "../cv-text.js";
import { serveCommands } from "../ipc.js";
import { median } from "../stats.js";

export interface IngestResult {
  pages: number;
  bytes: number;
  chars: number;
  chunks: number;
  /** pdf-parse alone, in this process: new PDFParse({ data }).getText(). */
  pdfParseMs: number;
  /** The engine's whole ingestion: CvIngestor.fromPdf (PdfReader's child process) + indexing the passages + one search. */
  ingestMs: number;
  /** Median over rounds of ingestion / pdf-parse measured back to back (robust to load drift). */
  pairedRatio: number;
  /** Its parts, measured separately: PdfReader.extract (a pooled child process), chunk + embed + profile, index + search. */
  extractMs: number;
  chunkEmbedMs: number;
  indexMs: number;
  /** What the child process runs (getInfo, then getText page by page), here in this process: the hop's cost is extract − this. */
  pageByPageMs: number;
}

const embeddings = new HashedEmbeddings();
const reader = new PdfReader();
const ingestor = new CvIngestor(embeddings, reader);
const store = new InMemoryCvStore();

async function measure({ pages, runs }: { pages: number; runs: number }): Promise<IngestResult> {
  const pdf = await makePdf(cvPages(pages));
  const first = await ingestor.fromPdf(pdf);
  const { PDFParse } = await import("pdf-parse");
  const baseline = async () => {
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    try {
      return (await parser.getText()).text;
    } finally {
      await parser.destroy();
    }
  };
  // The same calls as packages/graph/src/cv/pdf-worker.mjs makes, without the process hop.
  const pageByPage = async () => {
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    try {
      const { total } = await parser.getInfo();
      const texts: string[] = [];
      for (let page = 1; page <= total; page++) texts.push((await parser.getText({ partial: [page], pageJoiner: "" })).text.trim());
      return texts.join("\n\n");
    } finally {
      await parser.destroy().catch(() => undefined);
    }
  };
  const index = async (passages: typeof first.passages) => {
    const retriever = new CvIndexRetriever(store, embeddings);
    const cvId = randomUUID();
    retriever.remember(cvId, passages);
    await retriever.search("t", cvId, "Kafka event pipeline", 3);
  };
  const full = async () => index((await ingestor.fromPdf(pdf)).passages);
  const time = async (work: () => Promise<unknown>) => {
    const t0 = performance.now();
    await work();
    return performance.now() - t0;
  };
  const samples = { pdfParse: [] as number[], ingest: [] as number[], extract: [] as number[], chunkEmbed: [] as number[], index: [] as number[], pageByPage: [] as number[] };
  for (let i = 0; i < runs + 3; i++) {
    // Alternate, so drift in machine load hits both sides alike; the first 3 rounds warm up.
    const a = await time(baseline);
    const b = await time(full);
    let text = "";
    const c = await time(async () => void ({ text } = await reader.extract(pdf)));
    let passages = first.passages;
    const d = await time(async () => void ({ passages } = await ingestor.fromText(text)));
    const e = await time(() => index(passages));
    const f = await time(pageByPage);
    if (i < 3) continue;
    samples.pdfParse.push(a);
    samples.ingest.push(b);
    samples.extract.push(c);
    samples.chunkEmbed.push(d);
    samples.index.push(e);
    samples.pageByPage.push(f);
  }
  return {
    pages,
    bytes: pdf.byteLength,
    chars: (await baseline()).length,
    chunks: first.passages.length,
    pdfParseMs: median(samples.pdfParse),
    pairedRatio: median(samples.ingest.map((ms, i) => ms / samples.pdfParse[i]!)),
    ingestMs: median(samples.ingest),
    extractMs: median(samples.extract),
    chunkEmbedMs: median(samples.chunkEmbed),
    indexMs: median(samples.index),
    pageByPageMs: median(samples.pageByPage),
  };
}

serveCommands({}, { measure }, () => reader.close());
