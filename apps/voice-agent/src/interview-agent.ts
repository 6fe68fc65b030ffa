import { voice } from "@livekit/agents";
import type { Spoken } from "./bridge.js";

/**
 * The agent in the room, interviewer or AI candidate: it opens with the greeting (or a welcome
 * back, or a refusal); the graph writes every reply.
 */
export class InterviewAgent extends voice.Agent {
  constructor(
    private readonly opening: Spoken,
    private readonly onFinished: () => void,
  ) {
    // Instructions are unused: replies come from the interview graph, not from a prompt.
    super({ instructions: "Replies are written by the interview graph." });
  }

  override async onEnter(): Promise<void> {
    const speech = this.session.say(this.opening.text);
    // Leave only once it has been said; the session cannot close from inside onEnter.
    if (this.opening.finished) void speech.waitForPlayout().then(this.onFinished, this.onFinished);
  }
}
