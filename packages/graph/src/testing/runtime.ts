import { createRuntime, type RuntimeOverrides } from "../runtime.js";
import { loadEngineConfig } from "../config.js";
import { openDatabase } from "../database.js";

/** A full runtime (offline engine unless overridden) on the test run's PostgreSQL. */
export async function openTestRuntime(databaseUrl: string, overrides: RuntimeOverrides = {}, env: Record<string, string> = {}) {
  const database = overrides.database ?? (await openDatabase({ url: databaseUrl, dataDir: "", poolSize: 5 }));
  const runtime = await createRuntime(loadEngineConfig({ DATABASE_URL: databaseUrl, ...env }), { ...overrides, database });
  return {
    ...runtime,
    close: async () => {
      await runtime.close();
      if (!overrides.database) await database.close();
    },
  };
}
