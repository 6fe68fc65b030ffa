import { createRuntime, openDatabase, runningEmbeddedServer, type Runtime } from "@interview/graph";
import { interviewEventsToBus, openEventPublisher, type InterviewEventBus, type WarningHook } from "@interview/shared-state";
import type { VoiceAgentConfig } from "./config.js";

/** Each job process holds one interview; a few connections are plenty. */
const POOL_SIZE = 4;

/**
 * Why the worker could not reach the interviews, or null. Without DATABASE_URL the agent shares
 * the embedded PostgreSQL of a running API; it never starts a database of its own.
 */
export function databaseProblem(config: VoiceAgentConfig, dataDir: string): string | null {
  if (config.DATABASE_URL || runningEmbeddedServer(dataDir)) return null;
  return (
    `The voice agent needs the interviews' database: set DATABASE_URL to the PostgreSQL the API uses, ` +
    `or start the API first (pnpm start) so the agent can share its embedded database under ${dataDir}.`
  );
}

/**
 * The same engine as the API, on the same database, so both front-ends drive the same threads.
 * Every turn is published to the API's event bus, so a WebSocket open on the interview hears of
 * answers given by voice; a failed publish only costs that live update (`onEventError`).
 */
export async function openInterviewRuntime(
  config: VoiceAgentConfig,
  dataDir: string,
  hooks: { onEventError?: (error: unknown) => void; onWarning?: WarningHook } = {},
): Promise<Runtime> {
  const problem = databaseProblem(config, dataDir);
  if (problem) throw new Error(problem);
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir, poolSize: POOL_SIZE });
  let bus: InterviewEventBus | undefined;
  try {
    bus = await openEventPublisher({ redisUrl: config.REDIS_URL, pool: database.pool, onWarning: hooks.onWarning });
    const runtime = await createRuntime({ ...config, DATA_DIR: dataDir }, { database, events: interviewEventsToBus(bus, hooks.onEventError) });
    return {
      ...runtime,
      // Only our connections: the database belongs to the API or to the operator.
      close: async () => {
        await runtime.close();
        await bus!.close();
        await database.pool.end();
      },
    };
  } catch (error) {
    await bus?.close();
    await database.pool.end();
    throw error;
  }
}
