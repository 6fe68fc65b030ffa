/** A JSON-LD node: an object with maybe an @type and an @id. */
export type LdNode = Record<string, unknown>;

export interface JsonLdFindings {
  jobPosting?: LdNode | undefined;
  organization?: LdNode | undefined;
  /** Follows `{"@id": "#org"}` references to the node with that id (common inside @graph). */
  resolve: (value: unknown) => unknown;
}

const MAX_DEPTH = 32;
const MAX_NODES = 5_000;

/**
 * JSON.parse, then a second try with what hand-written JSON-LD gets wrong most: raw line breaks
 * inside strings, HTML comment or CDATA wrappers, trailing commas.
 */
function parseLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const cleaned = text
      .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, "")
      .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, "")
      .replace(/[\u0000-\u001f]+/g, " ")
      .replace(/,\s*([}\]])/g, "$1");
    try {
      return JSON.parse(cleaned);
    } catch {
      return undefined; // one broken script must not hide the others
    }
  }
}

/** The schema.org types of a node, without "schema:" or "https://schema.org/" prefixes. */
export function typesOf(node: LdNode): string[] {
  const type = node["@type"];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === "string").map((t) => t.replace(/^(?:https?:\/\/schema\.org\/|schema:)/i, ""));
}

const isNode = (value: unknown): value is LdNode => typeof value === "object" && value !== null && !Array.isArray(value);

const ORGANIZATION_TYPES = new Set(["Organization", "Corporation", "LocalBusiness", "NGO"]);

/** Every JSON-LD node on the page, nested ones (inside @graph, mainEntity…) included. */
export function readJsonLd(document: Document): JsonLdFindings {
  const nodes: LdNode[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > MAX_DEPTH || nodes.length >= MAX_NODES) return;
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1));
    if (!isNode(value)) return;
    nodes.push(value);
    for (const child of Object.values(value)) if (typeof child === "object") visit(child, depth + 1);
  };
  for (const script of Array.from(document.querySelectorAll("script"))) {
    const type = (script.getAttribute("type") ?? "").trim().toLowerCase();
    if (!type.startsWith("application/ld+json")) continue;
    visit(parseLenient(script.textContent ?? ""), 0);
  }

  const byId = new Map<string, LdNode>();
  for (const node of nodes) {
    const id = node["@id"];
    // The fullest node with an id wins over bare references to it.
    const known = typeof id === "string" ? byId.get(id) : undefined;
    if (typeof id === "string" && (!known || Object.keys(node).length > Object.keys(known).length)) {
      byId.set(id, node);
    }
  }
  const resolve = (value: unknown): unknown => {
    if (!isNode(value) || typeof value["@id"] !== "string") return value;
    return byId.get(value["@id"]) ?? value;
  };
  const ofType = (wanted: (types: string[]) => boolean) =>
    nodes.filter((n) => wanted(typesOf(n))).sort((a, b) => Object.keys(b).length - Object.keys(a).length)[0];

  return {
    jobPosting: ofType((t) => t.includes("JobPosting")),
    organization: ofType((t) => t.some((x) => ORGANIZATION_TYPES.has(x)) && !t.includes("JobPosting")),
    resolve,
  };
}
