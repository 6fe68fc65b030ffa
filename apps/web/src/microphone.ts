/**
 * Recording a spoken answer with MediaRecorder (webm or ogg, as the browser records), for
 * POST /continue_interview; and what to say when the microphone cannot be used.
 */

/** Containers the API accepts, best first; browsers record one of the first four. */
const TYPES = ["audio/webm;codecs=opus", "audio/webm", "audio/ogg;codecs=opus", "audio/ogg", "audio/mp4"];

export function chooseRecordingType(isSupported: (type: string) => boolean): string | undefined {
  return TYPES.find((t) => {
    try {
      return isSupported(t);
    } catch {
      return false;
    }
  });
}

/** The upload's file name: the API tells formats apart by content, the speech providers by extension. */
export function recordingFileName(mimeType: string): string {
  const type = mimeType.split(";")[0]!.trim().toLowerCase();
  const ext = { "audio/webm": "webm", "video/webm": "webm", "audio/ogg": "ogg", "audio/mp4": "m4a", "audio/wav": "wav", "audio/x-wav": "wav", "audio/mpeg": "mp3" }[type];
  return `answer.${ext ?? "webm"}`;
}

/** Whether this page can record: MediaRecorder, and microphone access (https pages or localhost only). */
export const canRecord = () => typeof MediaRecorder !== "undefined" && Boolean(navigator.mediaDevices?.getUserMedia);


export interface Recording {
  /** Stops and gives the recording (with its type). */
  stop(): Promise<Blob>;
  /** Stops and throws the recording away. */
  cancel(): void;
}

export async function startRecording(): Promise<Recording> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } });
  const mimeType = chooseRecordingType((t) => MediaRecorder.isTypeSupported(t));
  let recorder: MediaRecorder;
  try {
    recorder = new MediaRecorder(stream, mimeType ? { mimeType } : {});
  } catch (error) {
    stream.getTracks().forEach((t) => t.stop());
    throw error;
  }
  const chunks: Blob[] = [];
  recorder.addEventListener("dataavailable", (event) => {
    if (event.data.size > 0) chunks.push(event.data);
  });
  // The microphone is released as soon as recording ends, so the browser's indicator goes off.
  const release = () => stream.getTracks().forEach((t) => t.stop());
  recorder.start();
  return {
    stop: () =>
      new Promise<Blob>((resolve, reject) => {
        recorder.addEventListener("stop", () => {
          release();
          resolve(new Blob(chunks, { type: recorder.mimeType || mimeType || chunks[0]?.type || "audio/webm" }));
        }, { once: true });
        recorder.addEventListener("error", () => {
          release();
          reject(new Error("The recording failed. Record the answer again."));
        }, { once: true });
        if (recorder.state === "inactive") {
          release();
          resolve(new Blob(chunks, { type: recorder.mimeType || mimeType || "audio/webm" }));
        } else recorder.stop();
      }),
    cancel() {
      if (recorder.state !== "inactive") recorder.stop();
      release();
    },
  };
}

/** What to suggest when the microphone fails: how to try again, and what to do instead. */
export interface MicAdvice {
  retry: string;
  instead: string;
}
/** A recorded answer: the answer box is right there. */
export const RECORDING_MIC_ADVICE: MicAdvice = { retry: "try again", instead: "type instead" };
/** A live voice interview: unmute again, or leave voice for the text interview. */
export const VOICE_MIC_ADVICE: MicAdvice = { retry: "choose “Unmute microphone”", instead: "switch to text" };

export function micErrorMessage(error: unknown, advice: MicAdvice = RECORDING_MIC_ADVICE): string {
  const name = (error as { name?: string })?.name;
  if (name === "NotAllowedError" || name === "SecurityError") {
    return `Microphone access was blocked. Allow it in your browser's site settings and ${advice.retry}, or ${advice.instead}.`;
  }
  if (name === "NotFoundError" || name === "OverconstrainedError") return `No microphone was found. Connect one, or ${advice.instead}.`;
  if (name === "NotReadableError") return `The microphone is in use by another application. Close it, or ${advice.instead}.`;
  return `The microphone could not be started. You can ${advice.instead} and carry on.`;
}

export const formatDuration = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, "0")}`;
