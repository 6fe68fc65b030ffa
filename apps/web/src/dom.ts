/** A tiny element builder: h("button", { class: "primary", onclick }, "Send"). */

export type Child = Node | string | number | null | undefined | false | Child[];
type Handler = (event: never) => void;
export type Props = Record<string, string | number | boolean | null | undefined | Handler>;

const PROPERTIES = new Set(["value", "checked", "disabled", "hidden", "selected", "readOnly", "required", "multiple"]);

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value as EventListener);
    else if (key === "class") el.className = String(value);
    else if (PROPERTIES.has(key)) (el as unknown as Record<string, unknown>)[key] = value;
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Paragraphs from text with blank lines; single newlines become line breaks. */
export function paragraphs(text: string): HTMLElement[] {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const el = h("p");
      p.split("\n").forEach((line, i) => {
        if (i) el.appendChild(h("br"));
        el.appendChild(document.createTextNode(line));
      });
      return el;
    });
}

let uid = 0;
/** A click that should follow the link in this tab: a modified or middle click opens it the browser's way. */
export const isPlainClick = (event: MouseEvent) => !(event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0);

export const nextId = (prefix: string) => `${prefix}-${++uid}`;

/** Moves focus to an element that is not normally focusable (a heading, a message). */
export function focusElement(el: HTMLElement | null | undefined, options: FocusOptions = {}) {
  if (!el) return;
  if (!el.hasAttribute("tabindex") && el.tabIndex < 0) el.setAttribute("tabindex", "-1");
  el.focus(options);
}

/** Announces a short message to screen readers through the page's polite status region. */
export function announce(message: string) {
  const region = document.getElementById("announcer");
  if (!region) return;
  region.textContent = "";
  // A new text node in a later task is what screen readers reliably pick up.
  window.setTimeout(() => (region.textContent = message), 50);
}
