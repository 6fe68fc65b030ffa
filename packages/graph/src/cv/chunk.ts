import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";

const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 400, chunkOverlap: 60 });

/** Splits CV text into overlapping passages small enough to be good retrieval units. */
export async function chunkCvText(text: string): Promise<string[]> {
  const normalised = text.replace(/[ \t]+/g, " ").replace(/\n{3,}/g, "\n\n").trim();
  if (!normalised) return [];
  return (await splitter.splitText(normalised)).filter((c) => c.trim().length > 0);
}
