export { wavClip, mp3Clip, oggOpusClip, webmOpusClip, m4aClip, pdfBytes } from "./audio-fixtures.js";
export { startElevenLabsServer, type ElevenLabsServer } from "./elevenlabs-server.js";
export { startOpenAiAudioServer, type OpenAiAudioServer } from "./openai-audio-server.js";
export type { Fault, LoopbackServer, RecordedRequest, RecordedFile } from "./loopback-server.js";
export { fastSpeechPolicy } from "./policy.js";
