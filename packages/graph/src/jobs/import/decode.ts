/** The charset label a Content-Type header declares, if any. */
export function headerCharset(contentType: string | undefined): string | undefined {
  return contentType?.match(/;\s*charset\s*=\s*"?([^";\s]+)/i)?.[1];
}

/**
 * The charset a page declares in `<meta charset>` or `<meta http-equiv="Content-Type">`. Browsers
 * look in the first 1024 bytes; pages with long heads put it later, so a little more is read.
 */
export function metaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString("latin1");
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const charset = tag.match(/\bcharset\s*=\s*["']?\s*([\w.:-]+)/i)?.[1];
    if (charset) return charset;
  }
  return undefined;
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  return undefined;
}

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label);
  } catch {
    return undefined; // an unknown label: fall through to the next source
  }
}

// Windows-1252's 0x80–0x9F ("€", "–", curly quotes), which some Node versions decode as the C1
// controls of ISO-8859-1. Unassigned bytes (0x81, 0x8d, 0x8f, 0x90, 0x9d) stay as they are.
const WINDOWS_1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const fixWindows1252 = (text: string) =>
  text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);

/**
 * Page bytes as text, in the order browsers use: byte-order mark, then the Content-Type header,
 * then the page's own meta declaration, then UTF-8 (what nearly every undeclared page is today).
 * A meta tag cannot declare UTF-16: the bytes that carry it would not be ASCII.
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string): string {
  const meta = metaCharset(bytes);
  const decoder =
    decoderFor(bomCharset(bytes)) ??
    decoderFor(headerCharset(contentType)) ??
    decoderFor(meta && /^utf-?16/i.test(meta) ? "utf-8" : meta) ??
    new TextDecoder("utf-8");
  const text = decoder.decode(bytes);
  return decoder.encoding === "windows-1252" ? fixWindows1252(text) : text;
}
