import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./app-types.js";

/**
 * Swagger UI at /docs, with its script and stylesheet served by this server from the
 * swagger-ui-dist package: the page works offline and loads nothing from a third party.
 */
const require = createRequire(import.meta.url);
const distDir = path.dirname(require.resolve("swagger-ui-dist/package.json"));

/** Started by a file of its own, so the page has no inline script. validatorUrl: null keeps the spec on this server. */
const INIT = `window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", validatorUrl: null });\n`;

const JS = "text/javascript; charset=utf-8";
const FILES: Record<string, { type: string; read: () => Promise<string | Buffer> }> = {
  "swagger-ui.css": { type: "text/css; charset=utf-8", read: () => readFile(path.join(distDir, "swagger-ui.css")) },
  "swagger-ui-bundle.js": { type: JS, read: () => readFile(path.join(distDir, "swagger-ui-bundle.js")) },
  "docs.js": { type: JS, read: async () => INIT },
};

interface Asset {
  type: string;
  body: Uint8Array<ArrayBuffer>;
  hash: string;
}

/** Each file is read once, on first use, and kept in memory (about 2 MB). */
let assets: Promise<Map<string, Asset>> | undefined;
function loadAssets(): Promise<Map<string, Asset>> {
  assets ??= Promise.all(
    Object.entries(FILES).map(async ([name, { type, read }]) => {
      const body = Uint8Array.from(Buffer.from(await read()));
      const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
      return [name, { type, body, hash }] as const;
    }),
  )
    .then((entries) => new Map(entries))
    .catch((error: unknown) => {
      assets = undefined;
      throw error;
    });
  return assets;
}

const assetUrl = (name: string, asset: Asset) => `/docs/assets/${asset.hash}/${name}`;

function page(files: Map<string, Asset>): string {
  const url = (name: string) => assetUrl(name, files.get(name)!);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Interview engine API</title>
    <link rel="stylesheet" href="${url("swagger-ui.css")}" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${url("swagger-ui-bundle.js")}"></script>
    <script src="${url("docs.js")}"></script>
  </body>
</html>
`;
}

export function registerDocsUi(app: OpenAPIHono<AppEnv>) {
  app.get("/docs", async (c) => c.html(page(await loadAssets())));
  // The content's hash is in the address, so a browser may keep a file for a year; an old hash
  // (a page from before an upgrade) still gets the current file, but not cached.
  app.get("/docs/assets/:hash/:name", async (c) => {
    const asset = (await loadAssets()).get(c.req.param("name"));
    if (!asset) return c.notFound();
    const cache = c.req.param("hash") === asset.hash ? "public, max-age=31536000, immutable" : "no-cache";
    return c.body(asset.body, 200, { "content-type": asset.type, "cache-control": cache, "x-content-type-options": "nosniff" });
  });
}
