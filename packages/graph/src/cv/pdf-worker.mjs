// Extracts a PDF's text in a child process of a pool (cv/pdf.ts). Plain JavaScript so it starts
// with plain node whatever the server was started with. pdf.js and its polyfills stay here, and
// whatever memory a document takes goes with the process when it is stopped.
import workerpool from "workerpool";
import { PDFParse } from "pdf-parse";

/**
 * @param {{ data: Uint8Array, maxPages: number, maxChars: number }} task
 * @returns {Promise<{ text: string, pages: number } | { refused: "too_many_pages" | "too_much_text", pages: number }>}
 */
export async function extract({ data, maxPages, maxChars }) {
  const parser = new PDFParse({ data: new Uint8Array(data) });
  try {
    const { total } = await parser.getInfo();
    if (total > maxPages) return { refused: "too_many_pages", pages: total };
    const texts = [];
    let length = 0;
    // Page by page, so a document that inflates to far more text than a CV stops early.
    for (let page = 1; page <= total; page++) {
      const { text } = await parser.getText({ partial: [page], pageJoiner: "" });
      length += text.length;
      if (length > maxChars) return { refused: "too_much_text", pages: total };
      texts.push(text.trim());
    }
    return { text: texts.join("\n\n"), pages: total };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

// Run as a pool's process (not when imported by a test).
if (process.send) workerpool.worker({ extract });
