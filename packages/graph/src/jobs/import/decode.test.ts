import { describe, expect, it } from "vitest";
import { decodeHtml } from "./decode.js";

const latin1 = (text: string) => Buffer.from(text, "latin1");

describe("decoding a page", () => {
  it("uses the charset of the Content-Type header", () => {
    expect(decodeHtml(latin1("<p>Entwickler in M\xfcnchen</p>"), "text/html; charset=ISO-8859-1")).toBe("<p>Entwickler in München</p>");
  });

  it("uses <meta charset> when the header declares none, including Windows-1252's euro sign and dashes", () => {
    const page = latin1('<meta charset="windows-1252"><p>Caf\xe9 \x96 2.900 \x80, \x93fresh\x94</p>');
    expect(decodeHtml(page, "text/html")).toContain("<p>Café – 2.900 €, “fresh”</p>");
  });

  it("reads the charset from <meta http-equiv> too, multi-byte ones included", () => {
    const head = latin1('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><h1>');
    const engineer = Buffer.from([0x83, 0x47, 0x83, 0x93, 0x83, 0x57, 0x83, 0x6a, 0x83, 0x41]); // エンジニア
    expect(decodeHtml(Buffer.concat([head, engineer, latin1("</h1>")]))).toContain("<h1>エンジニア</h1>");
  });

  it("lets the header win over the page's meta tag, and a byte-order mark over both", () => {
    const page = latin1('<meta charset="windows-1252"><p>\xc3\xa9</p>');
    expect(decodeHtml(page, "text/html; charset=utf-8")).toContain("<p>é</p>");
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("<p>é</p>")]);
    expect(decodeHtml(bom, "text/html; charset=iso-8859-1")).toBe("<p>é</p>");
  });

  it("falls back to UTF-8 for undeclared or unknown charsets", () => {
    expect(decodeHtml(Buffer.from("<p>Zürich</p>"))).toBe("<p>Zürich</p>");
    expect(decodeHtml(Buffer.from("<p>Zürich</p>"), "text/html; charset=x-made-up")).toBe("<p>Zürich</p>");
  });
});
