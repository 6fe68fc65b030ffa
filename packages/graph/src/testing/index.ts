export { makePdf, cvPdf, SAMPLE_CV_TEXT } from "./pdf.js";
export { RecordingWebSearch } from "./web-search.js";
export { scriptedChat, ScriptedChatModel, wellBehaved, providerError, promptKind, allowedIn, fastRetries, VALID_EVALUATION, VALID_ASSESSMENT, type ReplyFn, type PromptKind } from "./chat.js";
export { openTestRuntime } from "./runtime.js";
export { startProviderServer, type RecordedRequest } from "./provider-server.js";
export { startOpenAIServer, type OpenAIFault } from "./openai-server.js";
export { wavClip, mp3Clip, oggOpusClip, webmOpusClip, m4aClip, pdfBytes, startElevenLabsServer, startOpenAiAudioServer, fastSpeechPolicy, type ElevenLabsServer, type OpenAiAudioServer } from "../speech/testing/index.js";
