import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: where `.env` and the API's data folder live, whatever the working directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export const resolveDataDir = (dataDir: string) => path.resolve(repoRoot, dataDir);
