import { h } from "./dom";

/** Saves a blob as a file through a hidden link, the one way every browser offers. */
export function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: name, hidden: true });
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A title as part of a file name: lower-case letters, digits and dashes, at most 40 characters. */
export const fileSlug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40) || "interview";
