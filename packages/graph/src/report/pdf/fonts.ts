import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export type FontName = "regular" | "bold";

// Resolved through the package, not a path relative to the working directory, so the API, the
// CLI and the tests all find the same files. DejaVu Sans covers Greek, Cyrillic, Hebrew, Arabic…
const require = createRequire(import.meta.url);
const FILES: Record<FontName, string> = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
};

const loaded = new Map<FontName, Buffer>();

/** The font file's bytes, read once per process: every report embeds a subset of the same fonts. */
export function fontData(name: FontName): Buffer {
  let data = loaded.get(name);
  if (!data) {
    data = readFileSync(FILES[name]);
    loaded.set(name, data);
  }
  return data;
}
