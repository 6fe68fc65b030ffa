import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const from = pathToFileURL(path.resolve(fileURLToPath(import.meta.url), "../../../packages/graph")).href + "/";
let to = "";

export function initialize(data) {
  to = pathToFileURL(path.resolve(data.to)).href + "/";
}

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  return result.url.startsWith(from) ? { ...result, url: to + result.url.slice(from.length) } : result;
}
