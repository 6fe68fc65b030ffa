/**
 * The voice connection: joins the LiveKit room from POST /join, publishes the microphone, plays
 * the interviewer and turns the room's transcriptions into captions. livekit-client is loaded only
 * when a voice interview starts.
 */
import { CaptionBook, isFinalTranscription, type Caption, type Speaker } from "./captions";
import type { JoinResponse } from "./contract";
import { micErrorMessage, VOICE_MIC_ADVICE } from "./microphone";

export interface VoiceCallbacks {
  onCaptions: (captions: readonly Caption[]) => void;
  /** The candidate finished a spoken answer (a final transcript). */
  onAnswerHeard: () => void;
  onStatus: (text: string, live: boolean) => void;
  onAudioBlocked: (blocked: boolean) => void;
  onMic: (enabled: boolean) => void;
  /** The room closed without the candidate leaving. */
  onDisconnected: (reason: string) => void;
}

export interface VoiceSession {
  readonly micEnabled: boolean;
  setMic(enabled: boolean): Promise<void>;
  startAudio(): Promise<void>;
  leave(): Promise<void>;
}

const AGENT_STATES: Record<string, string> = {
  initializing: "Interviewer is getting ready…",
  listening: "Listening",
  thinking: "Interviewer is thinking…",
  speaking: "Interviewer is speaking",
};

export async function connectVoice(join: JoinResponse, cb: VoiceCallbacks): Promise<VoiceSession> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new Error("Voice needs microphone access, which browsers only allow on https pages or on localhost.");
  }
  const lk = await import("livekit-client");
  const { Room, RoomEvent, Track } = lk;
  const room = new Room({ adaptiveStream: true, dynacast: true });
  const captions = new CaptionBook();
  const audioEls = new Set<HTMLMediaElement>();
  let leaving = false;
  let connected = false;
  let mic = false;

  const speakerOf = (identity: string | undefined): Speaker => (identity !== undefined && identity === room.localParticipant.identity ? "you" : "interviewer");
  const publish = (update: { changed: boolean; candidateFinal: boolean }) => {
    if (update.changed) cb.onCaptions(captions.list());
    if (update.candidateFinal) cb.onAnswerHeard();
  };

  room.on(RoomEvent.TranscriptionReceived, (segments, participant) => {
    for (const s of segments) publish(captions.upsert({ id: s.id, speaker: speakerOf(participant?.identity), text: s.text, final: s.final }));
  });
  // LiveKit Agents 1.x sends transcriptions as text streams on this topic: the interviewer's speech
  // as one stream of deltas per segment, the candidate's as one whole-text stream per (interim or
  // final) update. Either way, the text of one stream is the segment's text so far.
  room.registerTextStreamHandler("lk.transcription", async (reader, info) => {
    const attributes = reader.info.attributes ?? {};
    const id = attributes["lk.segment_id"] ?? reader.info.id;
    const localTracks = new Set(Array.from(room.localParticipant.trackPublications.keys()));
    const speaker: Speaker =
      info.identity === room.localParticipant.identity || localTracks.has(attributes["lk.transcribed_track_id"] ?? "") ? "you" : "interviewer";
    let text = "";
    for await (const delta of reader) {
      text += delta;
      publish(captions.upsert({ id, speaker, text, final: false }));
    }
    publish(captions.upsert({ id, speaker, text, final: isFinalTranscription(attributes) || speaker === "interviewer" }));
  });
  room.on(RoomEvent.TrackSubscribed, (track) => {
    if (track.kind !== Track.Kind.Audio) return;
    const el = track.attach();
    el.classList.add("visually-hidden");
    document.body.appendChild(el);
    audioEls.add(el);
  });
  room.on(RoomEvent.TrackUnsubscribed, (track) => {
    for (const el of track.detach()) {
      el.remove();
      audioEls.delete(el);
    }
  });
  room.on(RoomEvent.AudioPlaybackStatusChanged, () => cb.onAudioBlocked(!room.canPlaybackAudio));
  room.on(RoomEvent.ParticipantAttributesChanged, (changed, participant) => {
    const state = changed["lk.agent.state"];
    if (state && participant.identity !== room.localParticipant.identity) cb.onStatus(AGENT_STATES[state] ?? state, true);
  });
  room.on(RoomEvent.ParticipantConnected, (participant) => {
    if (participant.identity !== room.localParticipant.identity) cb.onStatus("Interviewer joined", true);
  });
  room.on(RoomEvent.Reconnecting, () => cb.onStatus("Reconnecting…", false));
  room.on(RoomEvent.Reconnected, () => cb.onStatus("Connected", true));
  room.on(RoomEvent.Disconnected, (reason) => {
    cleanup();
    if (connected && !leaving) cb.onDisconnected(reason === undefined ? "The voice connection closed." : "The voice connection was lost.");
  });

  function cleanup() {
    for (const el of audioEls) el.remove();
    audioEls.clear();
  }

  cb.onStatus("Connecting…", false);
  try {
    await room.connect(join.url, join.token);
  } catch (error) {
    cleanup();
    const detail = error instanceof Error && error.message ? ` (${error.message})` : "";
    throw new Error(`Could not connect to the voice room${detail}. Switch to text to carry on.`);
  }
  connected = true;
  cb.onStatus(room.remoteParticipants.size ? "Interviewer joined" : "Waiting for the interviewer…", true);
  await room.startAudio().catch(() => undefined);
  cb.onAudioBlocked(!room.canPlaybackAudio);

  const session: VoiceSession = {
    get micEnabled() {
      return mic;
    },
    async setMic(enabled) {
      await room.localParticipant.setMicrophoneEnabled(enabled);
      mic = enabled;
      cb.onMic(mic);
    },
    async startAudio() {
      await room.startAudio();
      cb.onAudioBlocked(!room.canPlaybackAudio);
    },
    async leave() {
      leaving = true;
      await room.disconnect();
      cleanup();
    },
  };
  try {
    await session.setMic(true);
  } catch (error) {
    cb.onMic(false);
    throw Object.assign(new Error(micErrorMessage(error, VOICE_MIC_ADVICE)), { name: "MicError", session });
  }
  return session;
}
