import { parseHTML } from "linkedom";
import { isHeadingLine } from "./sections.js";

/** One line of readable text: a heading, a list item or a paragraph. */
export interface Block {
  kind: "heading" | "item" | "text";
  text: string;
}

/** Elements whose text is not part of what a reader reads. */
const SKIP = new Set([
  "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
  "head", "button", "select", "option", "textarea", "input",
]);

/** Elements that start and end a line. */
const BLOCK = new Set([
  "html", "body", "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul",
  "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "caption", "blockquote",
  "figure", "figcaption", "hr", "address", "details", "summary", "fieldset", "legend", "center",
  "form",
]);

const HEADING_TAG = /^h[1-6]$/;
const BULLET = /^(?:[-*•·▪◦●○■□➤►✓✔–—]|\d{1,2}[.)])\s+/u;

const collapse = (text: string) => text.replace(/[\u200b-\u200d\ufeff]/g, "").replace(/\s+/g, " ").trim();

/** A document whose body is the given HTML fragment. */
export function parseFragment(html: string): Document {
  return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document;
}

class BlockBuilder {
  readonly blocks: Block[] = [];
  private segments: { text: string; bold: boolean }[] = [];
  private inItem = false;

  flush() {
    const text = collapse(this.segments.map((s) => s.text).join(""));
    // A paragraph that is nothing but bold text is how many job ads write their headings.
    const allBold = this.segments.every((s) => s.bold || s.text.trim() === "");
    this.segments = [];
    if (!text) return;
    if (this.inItem || BULLET.test(text)) {
      const item = text.replace(BULLET, "").trim();
      if (item) this.blocks.push({ kind: "item", text: item });
    } else if ((allBold && text.length <= 80) || isHeadingLine(text)) {
      this.blocks.push({ kind: "heading", text: text.replace(/\s*:\s*$/, "") });
    } else {
      this.blocks.push({ kind: "text", text });
    }
  }

  /** Depth-first without recursion: hostile pages nest elements thousands deep. */
  walk(root: Node) {
    type Frame = { node: Node; bold: boolean } | { exit: string; isBlock: boolean; wasItem: boolean };
    const stack: Frame[] = [{ node: root, bold: false }];
    for (let frame = stack.pop(); frame; frame = stack.pop()) {
      if ("exit" in frame) {
        if (frame.exit === "td" || frame.exit === "th") this.segments.push({ text: " ", bold: true });
        if (frame.isBlock) this.flush();
        this.inItem = frame.wasItem;
        continue;
      }
      const { node, bold } = frame;
      if (node.nodeType === 3) {
        this.segments.push({ text: node.textContent ?? "", bold });
        continue;
      }
      if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
      const tag = node.nodeType === 1 ? (node as Element).tagName.toLowerCase() : "";
      if (SKIP.has(tag)) continue;
      if (tag === "br") {
        this.flush();
        continue;
      }
      if (HEADING_TAG.test(tag)) {
        this.flush();
        const text = collapse(node.textContent ?? "").replace(/\s*:\s*$/, "");
        if (text) this.blocks.push({ kind: "heading", text });
        continue;
      }
      if (tag === "pre") {
        this.flush();
        this.blocks.push(...textToBlocks(node.textContent ?? ""));
        continue;
      }
      const isItem = tag === "li";
      const isBlock = isItem || BLOCK.has(tag);
      if (isBlock) this.flush();
      stack.push({ exit: tag, isBlock, wasItem: this.inItem });
      if (isItem) this.inItem = true;
      const childBold = bold || tag === "strong" || tag === "b";
      const children = Array.from(node.childNodes);
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, bold: childBold });
    }
  }
}

/** The readable lines of a DOM node: headings, list items and paragraphs, in reading order. */
export function nodeToBlocks(node: Node): Block[] {
  const builder = new BlockBuilder();
  builder.walk(node);
  builder.flush();
  return builder.blocks;
}

/** Lines of plain text, recognising bullets ("- ", "• ", "1. ") and heading lines. */
export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of text.split(/\r?\n|\u2028/)) {
    const line = collapse(raw);
    if (!line) continue;
    if (BULLET.test(line)) {
      const item = line.replace(BULLET, "").trim();
      if (item) blocks.push({ kind: "item", text: item });
    } else if (isHeadingLine(line)) {
      blocks.push({ kind: "heading", text: line.replace(/\s*:\s*$/, "") });
    } else {
      blocks.push({ kind: "text", text: line });
    }
  }
  return blocks;
}

const HAS_TAG = /<\/?[a-z][a-z0-9]*(?:\s[^>]*)?\/?>/i;

/** Whether a text holds any HTML tag (else it is plain text, its line breaks meaningful). */
export const hasMarkup = (text: string) => HAS_TAG.test(text);
const ESCAPED_TAG = /&lt;\/?[a-z][a-z0-9]*(?:\s[^&]*)?&gt;/i;
const ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;

/** Replaces character references (&amp;, &#233;) with the characters they stand for. */
export function decodeEntities(text: string): string {
  return ENTITY.test(text) ? (parseFragment(`<pre>${text.replace(/</g, "&lt;")}</pre>`).body.textContent ?? "") : text;
}

/**
 * Readable lines of a text that may be HTML, HTML escaped once more (some job boards write
 * `&lt;p&gt;` into JSON-LD) or plain text with line breaks.
 */
export function richTextToBlocks(text: string): Block[] {
  if (HAS_TAG.test(text)) return nodeToBlocks(parseFragment(text).body);
  if (ESCAPED_TAG.test(text)) return richTextToBlocks(decodeEntities(text));
  return textToBlocks(decodeEntities(text));
}

/** A short field (a title, a company name) as one line of plain text. */
export function plainText(text: string): string {
  return collapse(HAS_TAG.test(text) ? (parseFragment(text).body.textContent ?? "") : decodeEntities(text));
}

/** Lines back to text: list items as "- " lines, a blank line between paragraphs and sections. */
export function blocksToText(blocks: readonly Block[]): string {
  let out = "";
  blocks.forEach((block, i) => {
    const previous = blocks[i - 1];
    if (previous) {
      const tight = previous.kind === "heading" || (previous.kind === "item" && block.kind === "item");
      out += tight ? "\n" : "\n\n";
    }
    out += block.kind === "item" ? `- ${block.text}` : block.text;
  });
  return out;
}
