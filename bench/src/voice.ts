import type { AnswerInput, InterviewService, TurnOptions } from "@interview/graph";
import { median } from "./stats.js";
import { ANSWER, INTERVIEW } from "./workload.js";

export interface VoiceResult {
  /** "bridge" when apps/voice-agent's InterviewBridge was measured, else "service". */
  measured: "bridge" | "service";
  feedbackWaitMs: number;
  turns: number;
  /** Final transcript → first token of the next question out of the engine. */
  engineFirstTokenMs: number;
  /** Final transcript → first text the bridge hands to TTS. */
  firstTextMs: number;
  /** What the bridge adds: first text − engine first token, per turn, median. */
  bridgeAddsMs: number;
  note: string;
}

type BridgeModule = typeof import("../../apps/voice-agent/src/bridge.js");

/** The voice agent's bridge and its default hold-back, if the module is there. */
async function loadBridge(): Promise<{ module: BridgeModule; feedbackWaitMs: number } | null> {
  try {
    const module = await import("../../apps/voice-agent/src/bridge.js");
    const { VoiceAgentConfigSchema } = await import("../../apps/voice-agent/src/config.js");
    return { module, feedbackWaitMs: VoiceAgentConfigSchema.in.shape.VOICE_FEEDBACK_WAIT_MS.parse(undefined) };
  } catch {
    return null;
  }
}

/**
 * From a final transcript to the first reply text reaching TTS, on the service given (the fake
 * 300 ms model on PostgreSQL): through apps/voice-agent's InterviewBridge with the agent's default
 * settings, and the engine's own first token in the same turns.
 */
export async function measureVoice(service: InterviewService, interviews = 2): Promise<VoiceResult> {
  const loaded = await loadBridge();
  const engineFirst: number[] = [];
  const firstText: number[] = [];
  const adds: number[] = [];
  for (let i = 0; i < interviews + 1; i++) {
    let view: { threadId: string; status: string } = await service.start({ ...INTERVIEW });
    const warmUp = i === 0;
    // Records when the engine hands out the first token of the next question.
    let t0 = 0;
    let engineToken = NaN;
    const interviewsPort = {
      get: (threadId: string) => service.get(threadId),
      end: (threadId: string, options?: TurnOptions) => service.end(threadId, options),
      answer: (threadId: string, input: AnswerInput, options: TurnOptions = {}) =>
        service.answer(threadId, input, {
          ...options,
          onToken: (token: string) => {
            if (Number.isNaN(engineToken)) engineToken = performance.now() - t0;
            options.onToken?.(token);
          },
        }),
    };
    const bridge = loaded ? new loaded.module.InterviewBridge(interviewsPort, view.threadId, { feedbackWaitMs: loaded.feedbackWaitMs }) : null;
    // As the agent does when it joins: the current question, so answers are tied to it.
    await bridge?.opening();
    for (let n = 0; n < 20 && view.status !== "completed"; n++) {
      engineToken = NaN;
      t0 = performance.now();
      let first = NaN;
      if (bridge) {
        const reply = bridge.reply(ANSWER);
        for await (const chunk of reply.text) if (chunk && Number.isNaN(first)) first = performance.now() - t0;
        await reply.finished;
        view = await service.get(view.threadId);
      } else {
        view = await interviewsPort.answer(view.threadId, { text: ANSWER, channel: "voice" }, {
          onToken: () => {
            if (Number.isNaN(first)) first = performance.now() - t0;
          },
        });
      }
      // The final turn streams no question; its reply is the closing summary.
      if (warmUp || view.status === "completed") continue;
      engineFirst.push(engineToken);
      firstText.push(first);
      adds.push(first - engineToken);
    }
  }
  return {
    measured: loaded ? "bridge" : "service",
    feedbackWaitMs: loaded?.feedbackWaitMs ?? 0,
    turns: firstText.length,
    engineFirstTokenMs: median(engineFirst),
    firstTextMs: median(firstText),
    bridgeAddsMs: median(adds),
    note: loaded
      ? "apps/voice-agent/src/bridge.ts InterviewBridge.reply(), default VOICE_FEEDBACK_WAIT_MS"
      : "no bridge module found: InterviewService.answer(…, \"voice\", { onToken }) time to first token",
  };
}
