import type { ApiConfig } from "./config.js";
import type { VoiceRoutes } from "./app-types.js";

/** Voice routes (POST /join), configured from LiveKit settings. */
export function createVoiceRoutes(_config: ApiConfig): VoiceRoutes | undefined {
  return undefined;
}
