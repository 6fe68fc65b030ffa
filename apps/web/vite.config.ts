import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/** API routes the dev server forwards to the API (`pnpm start` or `pnpm --filter @interview/api dev`). */
const API = process.env.API_URL ?? "http://localhost:8000";
// "/invites" is the API; "/invite/<token>" (no s) is the page, served by Vite.
const apiPaths = ["/start_interview", "/continue_interview", "/join", "/interviews", "/jobs", "/invites", "/health", "/openapi.json", "/docs"];

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", sourcemap: true, chunkSizeWarningLimit: 700 }, // livekit-client (~570 kB) loads only for voice
  server: { proxy: Object.fromEntries(apiPaths.map((p) => [p, { target: API, changeOrigin: true }])) },
  preview: { proxy: Object.fromEntries(apiPaths.map((p) => [p, { target: API, changeOrigin: true }])) },
});
