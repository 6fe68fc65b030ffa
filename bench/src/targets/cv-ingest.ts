/**
 * Child process: CV ingestion (parse + chunk + embed + index) against pdf-parse's own text
 * extraction of the same file. A child of its own because pdf-parse changes globals on import.
 */
import { CvIndexCache, CvIngestor, HashedEmbeddings } from "@interview/graph";
import { makePdf } from "@interview/graph/testing";
import { extractPdfText } from "../../../packages/graph/src/cv/pdf.js";
import { cvPages } from "../cv-text.js";
import { serveCommands } from "../ipc.js";
import { median } from "../stats.js";

export interface IngestResult {
  pages: number;
  bytes: number;
  chars: number;
  chunks: number;
  /** pdf-parse alone: new PDFParse({ data }).getText(). */
  pdfParseMs: number;
  /** The engine's whole ingestion: CvIngestor.fromPdf + building the thread's index. */
  ingestMs: number;
  /** Median over rounds of ingestion / pdf-parse measured back to back (robust to load drift). */
  pairedRatio: number;
  /** Its parts, measured separately. */
  extractMs: number;
  chunkEmbedMs: number;
  indexMs: number;
}

const embeddings = new HashedEmbeddings();
const ingestor = new CvIngestor(embeddings);

async function measure({ pages, runs }: { pages: number; runs: number }): Promise<IngestResult> {
  const pdf = await makePdf(cvPages(pages));
  // The engine loads pdf-parse itself (and undoes its global polyfills); the baseline then gets
  // the same, already loaded module, so both run in the same process state as the API server.
  const first = await ingestor.fromPdf(pdf);
  const { PDFParse } = await import("pdf-parse");
  const query = await embeddings.embedQuery("Kafka event pipeline");
  let thread = 0;
  const baseline = async () => {
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    try {
      return (await parser.getText()).text;
    } finally {
      await parser.destroy();
    }
  };
  const full = async () => {
    const cv = await ingestor.fromPdf(pdf);
    await new CvIndexCache(embeddings).search(`t${thread++}`, cv.chunks, query, 3);
  };
  const time = async (work: () => Promise<unknown>) => {
    const t0 = performance.now();
    await work();
    return performance.now() - t0;
  };
  const samples = { pdfParse: [] as number[], ingest: [] as number[], extract: [] as number[], chunkEmbed: [] as number[], index: [] as number[] };
  for (let i = 0; i < runs + 3; i++) {
    // Alternate, so drift in machine load hits both sides alike; the first 3 rounds warm up.
    const a = await time(baseline);
    const b = await time(full);
    let text = "";
    const c = await time(async () => void ({ text } = await extractPdfText(pdf)));
    let chunks = first.chunks;
    const d = await time(async () => void ({ chunks } = await ingestor.fromText(text)));
    const e = await time(() => new CvIndexCache(embeddings).search(`x${thread++}`, chunks, query, 3));
    if (i < 3) continue;
    samples.pdfParse.push(a);
    samples.ingest.push(b);
    samples.extract.push(c);
    samples.chunkEmbed.push(d);
    samples.index.push(e);
  }
  return {
    pages,
    bytes: pdf.byteLength,
    chars: (await baseline()).length,
    chunks: first.chunks.length,
    pdfParseMs: median(samples.pdfParse),
    pairedRatio: median(samples.ingest.map((ms, i) => ms / samples.pdfParse[i]!)),
    ingestMs: median(samples.ingest),
    extractMs: median(samples.extract),
    chunkEmbedMs: median(samples.chunkEmbed),
    indexMs: median(samples.index),
  };
}

serveCommands({}, { measure }, async () => undefined);
