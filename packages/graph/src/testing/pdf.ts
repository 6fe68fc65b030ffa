import { PDFDocument, StandardFonts } from "pdf-lib";

/** A real PDF with one page per entry, each page's text laid out line by line. */
export async function makePdf(pages: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of pages) {
    const page = doc.addPage([595, 842]);
    let y = 800;
    for (const line of text.split("\n")) {
      page.drawText(line.replace(/[^\x20-\x7E]/g, "-"), { x: 50, y, size: 11, font });
      y -= 16;
    }
  }
  return doc.save();
}

export const SAMPLE_CV_TEXT = [
  `Ana Lima
Senior Backend Engineer
Contact: ana.lima@example.com, +44 7700 900123

Summary
Backend engineer with 7 years building payment and logistics platforms.

Skills
Languages: Go, TypeScript, Python
Infrastructure: Kubernetes, Terraform, AWS
Data: PostgreSQL, Redis, Kafka`,
  `Experience
Senior Backend Engineer at Parcelly (2021 - Present)
- Led the migration of the dispatch service to Kubernetes, cutting deploy time from 40 to 6 minutes.
- Designed an event pipeline on Kafka handling 12k messages per second.
Backend Engineer at Paynow (2018 - 2021)
- Built the card settlement API in Go with PostgreSQL, processing 2M payments a day.

Projects
RouteWise: open-source route optimiser written in Go using graph search.
LedgerLite - a double-entry bookkeeping library for TypeScript.`,
];

/** The sample CV above as a two-page PDF. */
export const cvPdf = () => makePdf(SAMPLE_CV_TEXT);
