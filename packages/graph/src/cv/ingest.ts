import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { CvChunk, CvProfile } from "../types.js";
import { InterviewError } from "../errors.js";
import { chunkCvText } from "./chunk.js";
import { extractPdfText, type PdfLimits, defaultPdfLimits } from "./pdf.js";
import { extractCvProfile } from "./profile.js";

export interface IngestedCv {
  chunks: CvChunk[];
  profile: CvProfile;
  pages: number;
}

export const MAX_CV_TEXT_CHARS = 100_000;

/** PDF or plain text → chunks with vectors + an extracted profile, ready to store in a thread. */
export class CvIngestor {
  constructor(
    private readonly embeddings: EmbeddingsInterface,
    private readonly limits: PdfLimits = defaultPdfLimits,
  ) {}

  async fromPdf(bytes: Uint8Array): Promise<IngestedCv> {
    const { text, pages } = await extractPdfText(bytes, this.limits);
    return { ...(await this.fromText(text)), pages };
  }

  async fromText(text: string): Promise<IngestedCv> {
    if (text.length > MAX_CV_TEXT_CHARS) {
      throw new InterviewError("cv_too_large", `The CV text is longer than ${MAX_CV_TEXT_CHARS} characters.`);
    }
    const passages = await chunkCvText(text);
    const vectors = passages.length ? await this.embeddings.embedDocuments(passages) : [];
    return {
      chunks: passages.map((passage, id) => ({ id, text: passage, vector: vectors[id]! })),
      profile: extractCvProfile(text),
      pages: 0,
    };
  }
}
