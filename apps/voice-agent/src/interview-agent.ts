import { voice } from "@livekit/agents";
import type { Spoken } from "./bridge.js";

/** The interviewer in the room: opens with the greeting (or a welcome back); the graph writes every reply. */
export class InterviewAgent extends voice.Agent {
  constructor(
    private readonly opening: Spoken,
    private readonly onFinished: () => void,
  ) {
    // Instructions are unused: replies come from the interview graph, not from a prompt.
    super({ instructions: "Job interviewer; replies are written by the interview graph." });
  }

  override async onEnter(): Promise<void> {
    const speech = this.session.say(this.opening.text);
    // Leave only once the summary has been said; the session cannot close from inside onEnter.
    if (this.opening.finished) void speech.waitForPlayout().then(this.onFinished, this.onFinished);
  }
}
