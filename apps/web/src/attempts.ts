/**
 * The Idempotency-Key of each answer: a new key for a new answer, the same key when the same
 * answer to the same question is sent again (after a network failure, say), so the server answers
 * it exactly once and replays its first reply. DOM-free.
 */

/** A random UUID; `crypto.randomUUID` exists only on secure pages, getRandomValues everywhere. */
export function uuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What was sent: the text, or the recording itself (the same Blob when it is sent again). */
export type AnswerContent = string | Blob;

const same = (a: AnswerContent, b: AnswerContent) => (typeof a === "string" && typeof b === "string" ? a.trim() === b.trim() : a === b);

/** One key per thing sent: the same key while the same thing is sent again, a new one otherwise. */
class Attempts<T> {
  private pending: { sent: T; key: string } | null = null;

  constructor(
    private readonly same: (a: T, b: T) => boolean,
    private readonly newKey: () => string,
  ) {}

  protected keyOf(sent: T): string {
    if (this.pending && this.same(this.pending.sent, sent)) return this.pending.key;
    this.pending = { sent, key: this.newKey() };
    return this.pending.key;
  }

  /** The server answered (or refused the key): the next send is a new attempt. */
  settle() {
    this.pending = null;
  }
}

interface SentAnswer {
  threadId: string;
  questionId: string | undefined;
  content: AnswerContent;
}

export class AnswerAttempts extends Attempts<SentAnswer> {
  constructor(newKey: () => string = uuid) {
    super((a, b) => a.threadId === b.threadId && a.questionId === b.questionId && same(a.content, b.content), newKey);
  }

  /** The key for sending `content` as the answer to `questionId` of `threadId`. */
  keyFor(threadId: string, questionId: string | undefined, content: AnswerContent): string {
    return this.keyOf({ threadId, questionId, content });
  }
}

/**
 * The Idempotency-Key of a start: the same key while the same form (fields and CV file) is sent
 * again after a failure that left the outcome unknown, so a retried start opens one interview.
 */
export class StartAttempts extends Attempts<{ fields: string; cv: File | null }> {
  constructor(newKey: () => string = uuid) {
    super((a, b) => a.fields === b.fields && a.cv === b.cv, newKey);
  }

  keyFor(fields: object, cv: File | null): string {
    return this.keyOf({ fields: JSON.stringify(fields), cv });
  }
}
