import { deflateSync } from "node:zlib";

/** A one-page PDF whose content stream is `content`, deflated; offsets and xref written by hand. */
function pdfWithContent(content: Buffer): Uint8Array {
  const stream = deflateSync(content, { level: 9 });
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    null, // the content stream
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n")];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk =
      body === null
        ? Buffer.concat([Buffer.from(`${i + 1} 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from("\nendstream\nendobj\n")])
        : Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

/** A "zip bomb": well under a megabyte on disk, `megabytes` of text once inflated. */
export function deflateBombPdf(megabytes = 200): Uint8Array {
  const line = Buffer.from(`BT /F1 12 Tf 50 800 Td (${"A".repeat(4000)}) Tj ET\n`);
  return pdfWithContent(Buffer.concat(Array.from({ length: Math.ceil((megabytes * 1024 * 1024) / line.length) }, () => line)));
}

/** A PDF whose one page holds so many tiny operations that reading it takes a long time. */
export function slowPdf(operations = 3_000_000, op = "(a) Tj "): Uint8Array {
  const bytes = Buffer.from(op);
  return pdfWithContent(Buffer.concat([Buffer.from("BT /F1 1 Tf 10 10 Td "), ...Array.from({ length: operations }, () => bytes), Buffer.from("ET\n")]));
}
