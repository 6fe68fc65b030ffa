import { describe, expect, it } from "vitest";
import { blocksToText, plainText, richTextToBlocks } from "./html-text.js";

const readable = (text: string) => blocksToText(richTextToBlocks(text));

describe("readable text from a posting's HTML", () => {
  it("keeps paragraphs, headings and list items on their own lines", () => {
    const html = `<p>We build   maps.<br>For everyone.</p><h2>Requirements</h2><ul><li>Go</li><li>SQL <em>and</em> PostGIS</li></ul><p>Apply today.</p>`;
    expect(readable(html)).toBe("We build maps.\n\nFor everyone.\n\nRequirements\n- Go\n- SQL and PostGIS\n\nApply today.");
  });

  it("treats a bold-only paragraph as a heading, and a bold label before text as text", () => {
    const blocks = richTextToBlocks("<p><strong>What you'll do</strong></p><ul><li>Ship</li></ul><p><b>Location:</b> Berlin</p>");
    expect(blocks).toEqual([
      { kind: "heading", text: "What you'll do" },
      { kind: "item", text: "Ship" },
      { kind: "text", text: "Location: Berlin" },
    ]);
  });

  it("keeps the text of a list item with a nested list, and the nested items", () => {
    expect(readable("<ul><li>Cloud<ul><li>AWS</li><li>GCP</li></ul></li><li>Linux</li></ul>")).toBe("- Cloud\n- AWS\n- GCP\n- Linux");
  });

  it("drops scripts, styles and form controls", () => {
    expect(readable("<p>Hello</p><script>track()</script><style>p{}</style><button>Apply</button><select><option>DE</option></select>")).toBe(
      "Hello",
    );
  });

  it("reads HTML that a job board escaped once more", () => {
    expect(readable("&lt;p&gt;Join us&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Rust &amp;amp; C++&lt;/li&gt;&lt;/ul&gt;")).toBe("Join us\n\n- Rust & C++");
  });

  it("reads plain text with bullets and heading lines", () => {
    expect(richTextToBlocks("About the job\nWe ship weekly.\n\nResponsibilities:\n• Build APIs\n* Review code\n1. Mentor")).toEqual([
      { kind: "heading", text: "About the job" },
      { kind: "text", text: "We ship weekly." },
      { kind: "heading", text: "Responsibilities" },
      { kind: "item", text: "Build APIs" },
      { kind: "item", text: "Review code" },
      { kind: "item", text: "Mentor" },
    ]);
  });

  it("turns a short field into one line of text with its entities decoded", () => {
    expect(plainText("  R&amp;D   Engineer &#8211; <b>Berlin</b> ")).toBe("R&D Engineer – Berlin");
    expect(plainText("C++ &lt;Senior&gt;")).toBe("C++ <Senior>");
  });
});
