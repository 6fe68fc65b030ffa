import type { Room } from "@livekit/rtc-node";
import { voice, type stt, type tts, type VAD } from "@livekit/agents";
import { InterviewBridge, type Interviews } from "./bridge.js";
import { InterviewAgent } from "./interview-agent.js";
import { InterviewLLM } from "./interview-llm.js";

export interface SpeechModels {
  stt?: stt.STT;
  tts?: tts.TTS;
  vad?: VAD | null;
}

export interface InterviewSessionOptions {
  interviews: Interviews;
  threadId: string;
  /** Speech models for the interview's language; none in text mode. */
  speech?: (language: string) => SpeechModels;
  /** "vad" with a microphone; "manual" when a caller commits turns itself. */
  turnDetection?: "vad" | "stt" | "manual";
  /** Silence after which the candidate's answer is taken as finished (they pause to think). */
  endOfTurnDelayMs?: number;
  feedbackWaitMs: number;
  room?: Room;
  /** Audio fed by the caller instead of a room (tests, custom transports). */
  audioInput?: voice.AudioInput;
  /** Told about failed turns (the error only, never the answer). */
  onError?: (error: unknown) => void;
}

export const INTERVIEW_FINISHED = "interview_finished";

/**
 * Starts a voice session on an interview thread: the greeting (or a welcome back) first, then
 * every final transcript is answered by the interview graph. After the closing summary has been
 * spoken, the session closes.
 */
export async function startInterviewSession(options: InterviewSessionOptions) {
  const bridge = new InterviewBridge(options.interviews, options.threadId, {
    feedbackWaitMs: options.feedbackWaitMs,
    onError: options.onError,
  });
  const opening = await bridge.opening();
  const models = options.speech?.(opening.language) ?? {};
  const endOfTurnDelayMs = options.endOfTurnDelayMs ?? 1_000;
  // Draining lets the closing summary finish playing before the session goes away.
  const finish = () => session.shutdown({ drain: true, reason: INTERVIEW_FINISHED });
  const session = new voice.AgentSession({
    llm: new InterviewLLM(bridge, finish),
    stt: models.stt,
    tts: models.tts,
    vad: models.vad ?? null,
    turnHandling: {
      turnDetection: options.turnDetection ?? "vad",
      endpointing: { minDelay: endOfTurnDelayMs, maxDelay: Math.max(endOfTurnDelayMs, 6_000) },
      interruption: { enabled: true },
      // A preemptive reply would send a half-spoken answer to the graph, which records it for good.
      preemptiveGeneration: { enabled: false },
    },
  });
  if (options.audioInput) session.input.audio = options.audioInput;
  await session.start({
    agent: new InterviewAgent(opening, finish),
    room: options.room,
    // Nothing of the interview (audio, transcript) is uploaded anywhere by the framework.
    record: false,
  });
  return { session, bridge };
}
