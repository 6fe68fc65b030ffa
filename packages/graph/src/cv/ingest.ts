import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { InterviewError } from "../errors.js";
import { chunkCvText } from "./chunk.js";
import type { PdfReader } from "./pdf.js";
import { parseCv, type CvModel } from "./model/index.js";
import { withoutContactDetails } from "./model/contact.js";
import type { CvPassage } from "./cv-store.js";

export interface IngestedCv {
  text: string;
  /** The passages questions are grounded in; without contact details. */
  passages: CvPassage[];
  /** The typed CV model, without its contact lines (they are never needed for an interview). */
  profile: CvModel;
  pages: number;
}

export const MAX_CV_TEXT_CHARS = 100_000;

/** Characters as a reader counts them (code points), not UTF-16 units. */
export const charCount = (text: string) => [...text].length;

/**
 * PDF or plain text → passages with vectors and a profile, ready to store for an interview.
 * An embedding that fails fails the ingestion: a CV is never stored without its vectors.
 */
export class CvIngestor {
  constructor(
    private readonly embeddings: EmbeddingsInterface,
    private readonly pdf: PdfReader,
  ) {}

  async fromPdf(bytes: Uint8Array, signal?: AbortSignal): Promise<IngestedCv> {
    const { text, pages } = await this.pdf.extract(bytes, signal);
    return { ...(await this.fromText(text)), pages };
  }

  async fromText(text: string): Promise<IngestedCv> {
    if (charCount(text) > MAX_CV_TEXT_CHARS) {
      throw new InterviewError("cv_text_too_long", `The CV text is longer than ${MAX_CV_TEXT_CHARS.toLocaleString("en")} characters.`);
    }
    // Contact details are never quoted in a question or a report, so passages never hold them.
    const chunks = await chunkCvText(withoutContactDetails(text));
    const vectors = chunks.length ? await this.embeddings.embedDocuments(chunks) : [];
    if (vectors.length !== chunks.length || vectors.some((v) => !Array.isArray(v) || v.length === 0)) {
      throw new InterviewError("provider_unavailable", "The CV could not be indexed (the embedding service returned no vectors); try again.");
    }
    return {
      text,
      passages: chunks.map((passage, i) => ({ text: passage, vector: vectors[i]! })),
      profile: { ...parseCv(text), contact: { emails: [], phones: [], links: [] } },
      pages: 0,
    };
  }
}
