/**
 * The voice interviewer, run by the LiveKit worker (src/main.ts) in a process per job. Importing
 * this module starts nothing, so tests can load it.
 */
import { defineAgent, log, voice, type JobContext, type JobProcess, type VAD } from "@livekit/agents";
import * as elevenlabs from "@livekit/agents-plugin-elevenlabs";
import * as silero from "@livekit/agents-plugin-silero";
import { isInterviewError } from "@interview/graph";
import { loadVoiceAgentConfig, type VoiceAgentConfig } from "./config.js";
import { openInterviewRuntime } from "./database.js";
import { threadIdFromMetadata } from "./dispatch.js";
import { resolveDataDir } from "./paths.js";
import { startInterviewSession, type SpeechModels } from "./session.js";

export { AGENT_NAME } from "./dispatch.js";

interface ProcessData extends Record<string, unknown> {
  config: VoiceAgentConfig;
  vad: VAD;
}

/** The ISO 639 code of an interview language ("pt-BR" → "pt"); none when it is free text, so ElevenLabs detects it. */
export function speechLanguage(language: string): string | undefined {
  const code = language.trim().split(/[-_]/)[0]?.toLowerCase() ?? "";
  return /^[a-z]{2,3}$/.test(code) ? code : undefined;
}

/** ElevenLabs speech in the interview's language, Silero for voice activity. */
export function elevenLabsSpeech(config: VoiceAgentConfig, vad: VAD) {
  return (language: string): SpeechModels => {
    const code = speechLanguage(language);
    return {
      stt: new elevenlabs.STT({ apiKey: config.ELEVEN_API_KEY, model: config.ELEVEN_STT_MODEL, ...(code ? { languageCode: code } : {}) }),
      tts: new elevenlabs.TTS({
        apiKey: config.ELEVEN_API_KEY,
        model: config.ELEVEN_TTS_MODEL,
        ...(code ? { language: code } : {}),
        ...(config.ELEVEN_VOICE_ID ? { voiceId: config.ELEVEN_VOICE_ID } : {}),
      }),
      vad,
    };
  };
}

/** What may be logged about a failed turn: its kind, never the answer. */
const errorSummary = (error: unknown) =>
  isInterviewError(error) ? { code: error.code } : { name: error instanceof Error ? error.name : typeof error };

export default defineAgent<ProcessData>({
  prewarm: async (proc: JobProcess<ProcessData>) => {
    // The worker checked the settings before starting; each job process reads the same environment.
    proc.userData.config = loadVoiceAgentConfig(process.env);
    proc.userData.vad = await silero.VAD.load();
  },
  entry: async (ctx: JobContext<ProcessData>) => {
    const logger = log();
    const { config, vad } = ctx.proc.userData;
    let threadId: string;
    try {
      threadId = threadIdFromMetadata(ctx.job.metadata);
    } catch (error) {
      logger.error({ room: ctx.job.room?.name }, (error as Error).message);
      ctx.shutdown("no interview thread in the dispatch");
      return;
    }
    const runtime = await openInterviewRuntime(config, resolveDataDir(config.DATA_DIR));
    ctx.addShutdownCallback(() => runtime.close());
    const { session } = await startInterviewSession({
      interviews: runtime.service,
      threadId,
      room: ctx.room,
      speech: elevenLabsSpeech(config, vad),
      turnDetection: "vad",
      endOfTurnDelayMs: config.VOICE_END_OF_TURN_DELAY_MS,
      feedbackWaitMs: config.VOICE_FEEDBACK_WAIT_MS,
      onError: (error) => logger.warn({ threadId, ...errorSummary(error) }, "voice turn failed; the candidate was asked to answer again"),
    });
    // The interview is over (or the candidate left): leave the room and end the job.
    session.on(voice.AgentSessionEventTypes.Close, (event) => ctx.shutdown(String(event.reason)));
  },
});
