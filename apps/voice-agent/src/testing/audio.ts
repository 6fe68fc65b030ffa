import { AudioFrame } from "@livekit/rtc-node";
import { ReadableStream, type ReadableStreamDefaultController } from "node:stream/web";
import { voice } from "@livekit/agents";

/** A microphone that sends silence: the fake speech-to-text decides what was "said". */
export class SilentMicrophone extends voice.AudioInput {
  private controller!: ReadableStreamDefaultController<AudioFrame>;
  private timer: NodeJS.Timeout | undefined;

  constructor() {
    super();
    this.multiStream.addInputStream(
      new ReadableStream<AudioFrame>({
        start: (controller) => {
          this.controller = controller;
        },
      }),
    );
  }

  /** Sends 100 ms of silence every 100 ms until stopped. */
  start(sampleRate = 16_000) {
    const samples = sampleRate / 10;
    const push = () => this.controller.enqueue(new AudioFrame(new Int16Array(samples), sampleRate, 1, samples));
    push();
    this.timer = setInterval(push, 100);
  }

  stop() {
    clearInterval(this.timer);
  }
}
