import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { ACME_JOB_PAGE, BLOG_POST_PAGE, LATIN1_JOB_PAGE, NORTHWIND_JOB_PAGE, NOT_FOUND_MARKER, PLAIN_TEXT_JOB } from "./pages.js";

/** A Windows-1252 page that declares its charset only in a meta tag ("Café", "€" is byte 0x80). */
const CAFE_PAGE = Buffer.from(
  `<!doctype html><html><head><meta charset="windows-1252"><title>Kitchen Manager – Café Lumière</title></head>
<body><article><h1>Kitchen Manager – Café Lumière</h1>
<p>Café Lumière in Lyon is looking for a kitchen manager. Salary 2.900 \x80 per month, full-time.</p>
<h2>Responsibilities</h2><ul><li>Plan the crème brûlée and pâtisserie production</li><li>Run a team of six</li></ul>
<h2>Requirements</h2><ul><li>Five years in a professional kitchen</li></ul></article></body></html>`.replaceAll("–", "\x96"),
  "latin1",
);

const CHUNK = Buffer.alloc(64 * 1024, "<p>padding</p>\n");
const ENDLESS_LIMIT = 256 * 1024 * 1024;

export interface JobSite {
  /** http://127.0.0.1:port */
  url: string;
  port: number;
  /** Request paths in the order they arrived. */
  requests: string[];
  /** The headers of each request, in the same order. */
  headers: IncomingHttpHeaders[];
  /** Whether the server got to send all of an endless or slow body (it should not). */
  finishedStreams: string[];
  /** Resolves once the server saw the client hang up on a streaming route. */
  hungUp: (path: string) => Promise<void>;
  close: () => Promise<void>;
}

/**
 * A loopback job board: a JobPosting page, a page with only readable text, a plain-text posting, a blog post,
 * redirects (relative, absolute, endless, to an address given in `?to=`), a posting under several
 * addresses with one canonical (`/postings/<id>-<slug>`), a 404, an empty page,
 * a PDF, non-UTF-8 pages, a gzip page and a gzip bomb, an endless body and a slow-drip body.
 */
export async function startJobSite(): Promise<JobSite> {
  const requests: string[] = [];
  const headers: IncomingHttpHeaders[] = [];
  const finishedStreams: string[] = [];
  const hangUps = new Map<string, { promise: Promise<void>; resolve: () => void }>();
  const hangUp = (path: string) => {
    let entry = hangUps.get(path);
    if (!entry) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      entry = { promise, resolve };
      hangUps.set(path, entry);
    }
    return entry;
  };

  const html = (res: ServerResponse, body: string | Buffer, contentType = "text/html; charset=utf-8", status = 200) => {
    res.writeHead(status, { "content-type": contentType });
    res.end(body);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    requests.push(req.url ?? "/");
    headers.push(req.headers);
    const loop = path.match(/^\/redirect\/loop\/(\d+)$/);
    const shared = path.match(/^\/postings\/(\w+)(?:-[\w-]*)?$/);
    switch (true) {
      case path === "/jobs/senior-backend-engineer":
        return html(res, ACME_JOB_PAGE);
      case path === "/jobs/data-engineer":
        return html(res, NORTHWIND_JOB_PAGE);
      case path === "/blog/kubernetes-build":
        return html(res, BLOG_POST_PAGE);
      case path === "/jobs/muenchen":
        return html(res, Buffer.from(LATIN1_JOB_PAGE, "latin1"), "text/html; charset=ISO-8859-1");
      case path === "/jobs/sre.txt":
        return html(res, PLAIN_TEXT_JOB, "text/plain; charset=utf-8");
      case path === "/notes.txt":
        return html(res, "Meeting notes\n\nWe talked about the roadmap and the office move.\n", "text/plain");
      case shared !== null:
        // One posting under several addresses, each naming the same canonical one.
        return html(res, ACME_JOB_PAGE.replace("</head>", `<link rel="canonical" href="/postings/${shared[1]}"></head>`));
      case path === "/jobs/cafe":
        return html(res, CAFE_PAGE, "text/html");
      case path === "/jobs/gzip": {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip" });
        return res.end(gzipSync(ACME_JOB_PAGE));
      }
      case path === "/jobs/gzip-bomb": {
        // 8 MB of markup in about 8 KB on the wire: only the decompressed size tells.
        res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
        return res.end(gzipSync(Buffer.alloc(8 * 1024 * 1024, " ")));
      }
      case path === "/empty":
        return html(res, "");
      case path === "/brochure.pdf":
        return html(res, Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1"), "application/pdf");
      case path === "/redirect/start":
        res.writeHead(302, { location: "/redirect/middle" });
        return res.end();
      case path === "/redirect/middle":
        res.writeHead(301, { location: `http://127.0.0.1:${port}/jobs/senior-backend-engineer#apply` });
        return res.end("Moved");
      case path === "/redirect/to":
        res.writeHead(302, { location: url.searchParams.get("to") ?? "/" });
        return res.end();
      case loop !== null:
        res.writeHead(307, { location: `/redirect/loop/${Number(loop[1]) + 1}` });
        return res.end();
      case path === "/large": {
        // An endless page, written as fast as the client reads, until it hangs up.
        res.writeHead(200, { "content-type": "text/html" });
        res.write("<!doctype html><html><body>");
        let sent = 0;
        const pump = () => {
          while (!res.destroyed && sent < ENDLESS_LIMIT) {
            sent += CHUNK.length;
            if (!res.write(CHUNK)) return void res.once("drain", pump);
          }
          if (!res.destroyed) {
            finishedStreams.push(path);
            res.end();
          }
        };
        res.on("close", () => hangUp(path).resolve());
        return pump();
      }
      case path === "/large-declared":
        res.writeHead(200, { "content-type": "text/html", "content-length": String(50 * 1024 * 1024) });
        res.on("close", () => hangUp(path).resolve());
        return res.write("<!doctype html>");
      case path === "/slow": {
        // Headers at once, then one byte every 50 ms: each read is quick, the whole never ends.
        res.writeHead(200, { "content-type": "text/html" });
        res.write("<!doctype html><html><body><p>");
        const drip = setInterval(() => res.write("."), 50);
        res.on("close", () => {
          clearInterval(drip);
          hangUp(path).resolve();
        });
        return;
      }
      default:
        return html(res, `<!doctype html><html><body><h1>Not found</h1><p>${NOT_FOUND_MARKER}</p></body></html>`, undefined, 404);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    headers,
    finishedStreams,
    hungUp: (path) => hangUp(path).promise,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
