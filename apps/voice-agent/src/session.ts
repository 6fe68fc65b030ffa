import type { Room } from "@livekit/rtc-node";
import { voice, type stt, type tts, type VAD } from "@livekit/agents";
import { InterviewBridge, type Interviews, type Opening } from "./bridge.js";
import { DEFAULT_MAX_ENDPOINTING_MS, DEFAULT_MIN_ENDPOINTING_MS, type Endpointing } from "./config.js";
import type { AgentName } from "./dispatch.js";
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
  /** The interviewer ("voice-agent", the default) or the AI candidate ("candidate-agent"). */
  agent?: AgentName;
  /** Speech models for the interview's language; none in text mode. */
  speech?: (language: string) => SpeechModels;
  /** "vad" with a microphone; "manual" when a caller commits turns itself. */
  turnDetection?: "vad" | "stt" | "manual";
  /** How long a silence ends the human's turn: at least the minimum, at most the maximum. */
  endpointing?: Endpointing;
  feedbackWaitMs: number;
  room?: Room;
  /** Audio fed by the caller instead of a room (tests, custom transports). */
  audioInput?: voice.AudioInput;
  /** Told about failed turns (the error only, never the answer). */
  onError?: (error: unknown) => void;
  /** Whether the agent's room is still the interview's: it leaves once it is not. */
  stillHere?: () => Promise<boolean>;
}

export const INTERVIEW_FINISHED = "interview_finished";
export const WRONG_AGENT = "wrong_agent_for_role";
export const MOVED_ELSEWHERE = "interview_moved_to_another_room";

/**
 * Starts a voice session on an interview thread: the greeting (or a welcome back) first, then
 * every final transcript goes to the interview graph. After the last words have been spoken (the
 * closing summary, the AI candidate's thanks, or a refusal to drive the wrong graph), the session
 * closes.
 */
export async function startInterviewSession(options: InterviewSessionOptions): Promise<{ session: voice.AgentSession; bridge: InterviewBridge; opening: Opening }> {
  const bridge = new InterviewBridge(options.interviews, options.threadId, {
    agent: options.agent,
    feedbackWaitMs: options.feedbackWaitMs,
    onError: options.onError,
    stillHere: options.stillHere,
  });
  const opening = await bridge.opening();
  const models = options.speech?.(opening.language) ?? {};
  const endpointing = options.endpointing ?? { minDelayMs: DEFAULT_MIN_ENDPOINTING_MS, maxDelayMs: DEFAULT_MAX_ENDPOINTING_MS };
  // Draining lets the last words finish playing before the session goes away.
  const finish = () => session.shutdown({ drain: true, reason: bridge.moved ? MOVED_ELSEWHERE : opening.refused ? WRONG_AGENT : INTERVIEW_FINISHED });
  const session = new voice.AgentSession({
    llm: new InterviewLLM(bridge, finish),
    stt: models.stt,
    tts: models.tts,
    vad: models.vad ?? null,
    turnHandling: {
      turnDetection: options.turnDetection ?? "vad",
      // Dynamic: the wait before a turn ends learns the speaker's own pauses within an answer,
      // from the minimum up to the maximum, so someone who stops to think is not cut off.
      endpointing: { mode: "dynamic", minDelay: endpointing.minDelayMs, maxDelay: endpointing.maxDelayMs },
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
  return { session, bridge, opening };
}
