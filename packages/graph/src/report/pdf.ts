import PDFDocument from "pdfkit";
import type { ReportDocument } from "./document.js";
import { PdfCanvas } from "./pdf/canvas.js";
import { coachingSections } from "./pdf/coaching.js";
import { fontData } from "./pdf/fonts.js";
import { footers, overallBlock, questionDetails, questionTable, scoreChart, summaryBlock, titleBlock } from "./pdf/sections.js";

/**
 * The report as an A4 PDF with DejaVu Sans embedded, so text is selectable and names in Greek,
 * Cyrillic, Hebrew or Arabic render. The same document gives the same bytes: the PDF's dates and
 * file identifier come from `createdAt`, not the clock.
 */
export async function renderPdfReport(doc: ReportDocument): Promise<Uint8Array> {
  const created = new Date(doc.createdAt);
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: 54, bottom: 58, left: 50, right: 50 },
    bufferPages: true,
    pdfVersion: "1.7",
    lang: "en",
    displayTitle: true,
    info: {
      Title: `Interview report: ${doc.title}`,
      Author: "Interview engine",
      Creator: "Interview engine",
      ...(doc.candidateName ? { Subject: `Interview with ${doc.candidateName}` } : {}),
      CreationDate: Number.isNaN(created.getTime()) ? new Date() : created,
    },
  });
  const bytes = collect(pdf);
  pdf.registerFont("regular", fontData("regular"));
  pdf.registerFont("bold", fontData("bold"));

  const canvas = new PdfCanvas(pdf);
  titleBlock(canvas, doc);
  if (doc.role === "interviewer") {
    // The coaching is the point of this report; it lists the questions, which carry no scores.
    if (doc.interviewer) coachingSections(canvas, doc.interviewer);
  } else {
    overallBlock(canvas, doc);
    summaryBlock(canvas, doc);
    questionTable(canvas, doc);
    scoreChart(canvas, doc);
  }
  questionDetails(canvas, doc);
  footers(canvas, doc);
  pdf.end();
  return bytes;
}

function collect(pdf: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on("error", reject);
  });
}
