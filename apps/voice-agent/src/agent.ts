/**
 * The agents the LiveKit worker (src/main.ts) runs, in a process per job: this module's default
 * export is the interviewer ("voice-agent"); src/candidate-agent.ts is the AI candidate. Importing
 * either starts nothing, so tests can load them.
 */
import { defineAgent, log, voice, type JobContext, type JobProcess, type VAD } from "@livekit/agents";
import * as elevenlabs from "@livekit/agents-plugin-elevenlabs";
import * as silero from "@livekit/agents-plugin-silero";
import { isInterviewError } from "@interview/graph";
import { elevenLabsKey, loadVoiceAgentConfig, type VoiceAgentConfig } from "./config.js";
import { openInterviewRuntime } from "./database.js";
import { threadIdFromMetadata, type AgentName } from "./dispatch.js";
import { resolveDataDir } from "./paths.js";
import { MOVED_ELSEWHERE, startInterviewSession, type SpeechModels } from "./session.js";

export { AGENT_NAMES, type AgentName } from "./dispatch.js";

interface ProcessData extends Record<string, unknown> {
  config: VoiceAgentConfig;
  vad: VAD;
}

/** The ISO 639 code of an interview language ("pt-BR" → "pt"); none when it is free text, so ElevenLabs detects it. */
export function speechLanguage(language: string): string | undefined {
  const code = language.trim().split(/[-_]/)[0]?.toLowerCase() ?? "";
  return /^[a-z]{2,3}$/.test(code) ? code : undefined;
}

/** What the ElevenLabs plugins are given for one session: the first key, the agent's voice, the language. */
export function elevenLabsOptions(config: VoiceAgentConfig, agent: AgentName, language: string) {
  const voiceId = agent === "candidate-agent" ? (config.ELEVEN_CANDIDATE_VOICE_ID ?? config.ELEVEN_VOICE_ID) : config.ELEVEN_VOICE_ID;
  const apiKey = elevenLabsKey(config);
  const code = speechLanguage(language);
  // The setting names the host, as for the API's own ElevenLabs calls; the plugins want its /v1.
  const base = config.ELEVENLABS_BASE_URL ? { baseURL: `${config.ELEVENLABS_BASE_URL.replace(/\/+$/, "")}/v1` } : {};
  return {
    stt: { apiKey, model: config.ELEVEN_STT_MODEL, ...base, ...(code ? { languageCode: code } : {}) } satisfies elevenlabs.STTOptions,
    tts: { apiKey, model: config.ELEVEN_TTS_MODEL, ...base, ...(code ? { language: code } : {}), ...(voiceId ? { voiceId } : {}) } satisfies elevenlabs.TTSOptions,
  };
}

/** ElevenLabs speech in the interview's language, Silero for voice activity. */
export function elevenLabsSpeech(config: VoiceAgentConfig, vad: VAD, agent: AgentName = "voice-agent") {
  return (language: string): SpeechModels => {
    const options = elevenLabsOptions(config, agent, language);
    return { stt: new elevenlabs.STT(options.stt), tts: new elevenlabs.TTS(options.tts), vad };
  };
}

/** What may be logged about a failed turn: its kind, never the answer. */
const errorSummary = (error: unknown) =>
  isInterviewError(error) ? { code: error.code } : { name: error instanceof Error ? error.name : typeof error };

/** One agent definition per dispatched name; both drive the same graphs through the same bridge. */
export function interviewAgent(agent: AgentName) {
  return defineAgent<ProcessData>({
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
        logger.error({ agent, room: ctx.job.room?.name }, (error as Error).message);
        ctx.shutdown("no interview thread in the dispatch");
        return;
      }
      const runtime = await openInterviewRuntime(config, resolveDataDir(config.DATA_DIR), {
        onEventError: (error) => logger.warn({ agent, threadId, ...errorSummary(error) }, "could not publish a voice turn to the API's open sockets"),
        onWarning: (error, context) => logger.warn({ agent, component: context.component, operation: context.operation, name: error.name }, "event bus degraded"),
      });
      ctx.addShutdownCallback(() => runtime.close());
      const { session, opening } = await startInterviewSession({
        interviews: runtime.service,
        threadId,
        agent,
        room: ctx.room,
        speech: elevenLabsSpeech(config, vad, agent),
        turnDetection: "vad",
        endpointing: config.endpointing,
        feedbackWaitMs: config.VOICE_FEEDBACK_WAIT_MS,
        onError: (error) => logger.warn({ agent, threadId, ...errorSummary(error) }, "voice turn failed; the human was asked to say it again"),
        ...(ctx.job.room?.name ? { stillHere: () => runtime.service.speaksIn(threadId, ctx.job.room!.name) } : {}),
      });
      if (opening.refused && !opening.moved) logger.warn({ agent, threadId }, "dispatched to the wrong agent for the interview's role; refusing and leaving");
      // The interview is over, refused, moved to another room (at the greeting or later), or the human left: leave the room and end the job.
      session.on(voice.AgentSessionEventTypes.Close, (event) => {
        if (String(event.reason) === MOVED_ELSEWHERE) logger.info({ agent, threadId }, "the interview is spoken in another room now; leaving this one");
        ctx.shutdown(String(event.reason));
      });
    },
  });
}

export default interviewAgent("voice-agent");
