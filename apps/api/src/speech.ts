import {
  createSpeech, inspectAudio, requireSpokenText, speechNotConfigured, audioLimits, type AudioClip, type AudioStore, type SpeechSettings,
  type SpeechToText, type TextToSpeech,
} from "@interview/graph";

/**
 * Spoken answers over HTTP and WebSocket: a clip is checked, transcribed in the interview's
 * language, and the interviewer's reply can be spoken back and kept for `audio_url`.
 */
export interface SpeechServices {
  stt: SpeechToText | null;
  tts: TextToSpeech | null;
  audio: AudioStore;
  /** The answer a clip holds, or the documented error (415/413/422, or 503 naming the missing settings). */
  transcribe(clip: AudioClip, language: string, signal?: AbortSignal): Promise<string>;
  /** Speaks `text` and keeps it as the interview's message `messageId`; null when text-to-speech is off. */
  speak(threadId: string, messageId: string, text: string, language: string): Promise<string | null>;
}

export function createSpeechServices(settings: SpeechSettings, audio: AudioStore): SpeechServices {
  const { stt, tts } = createSpeech(settings);
  const limits = audioLimits(settings);
  return {
    stt,
    tts,
    audio,
    async transcribe(clip, language, signal) {
      if (!stt) throw speechNotConfigured(settings, "speech-to-text");
      const { mimeType } = await inspectAudio(clip, limits);
      return requireSpokenText(await stt.transcribe({ ...clip, mimeType }, { language, ...(signal ? { signal } : {}) }));
    },
    async speak(threadId, messageId, text, language) {
      if (!tts || !text.trim()) return null;
      const speech = await tts.synthesize(text, { language });
      await audio.save(threadId, messageId, { mimeType: speech.mimeType, data: speech.data });
      return `/interviews/${encodeURIComponent(threadId)}/audio/${encodeURIComponent(messageId)}`;
    },
  };
}
