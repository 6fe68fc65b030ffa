import type pg from "pg";

export interface StoredAudio {
  mimeType: string;
  data: Uint8Array;
}

/** Spoken versions of an interview's messages (text-to-speech), erased with the interview. */
export interface AudioStore {
  save(threadId: string, messageId: string, audio: StoredAudio): Promise<void>;
  load(threadId: string, messageId: string): Promise<StoredAudio | undefined>;
}

export class PostgresAudioStore implements AudioStore {
  constructor(private readonly pool: pg.Pool) {}

  async save(threadId: string, messageId: string, audio: StoredAudio): Promise<void> {
    await this.pool.query(
      `insert into interview_audio (thread_id, message_id, mime_type, data) values ($1, $2, $3, $4)
       on conflict (thread_id, message_id) do update set mime_type = excluded.mime_type, data = excluded.data`,
      [threadId, messageId, audio.mimeType, Buffer.from(audio.data)],
    );
  }

  async load(threadId: string, messageId: string): Promise<StoredAudio | undefined> {
    const { rows } = await this.pool.query<{ mime_type: string; data: Buffer }>(
      "select mime_type, data from interview_audio where thread_id = $1 and message_id = $2",
      [threadId, messageId],
    );
    const row = rows[0];
    return row && { mimeType: row.mime_type, data: new Uint8Array(row.data) };
  }
}
