/**
 * Reads a decision reply as it streams:
 *   DECISION: ask_followup
 *   REASON: The answer named no result.
 *   QUESTION: You said the migration "went well" — what changed for the team, in numbers?
 * Only the question's words are passed on, as they arrive; the rest is parsed when it ends.
 */
export class DecisionReplyStream {
  private text = "";
  private sent = 0;
  delivered = false;

  constructor(private readonly onQuestionToken?: (token: string) => void) {}

  push(token: string): void {
    this.text += token;
    if (!this.onQuestionToken) return;
    const start = questionStart(this.text);
    if (start < 0) return;
    let piece: string;
    if (this.sent < start) {
      // The question's first words: without the space after its marker.
      piece = this.text.slice(start).replace(/^\s+/, "");
      if (!piece) return;
    } else {
      piece = this.text.slice(this.sent);
    }
    this.sent = this.text.length;
    if (!piece) return;
    this.delivered = true;
    this.onQuestionToken(piece);
  }

  finish(full: string = this.text): { decision: string; reason: string; question: string } {
    const field = (name: string) => new RegExp(`^\\s*\\**${name}\\**\\s*:\\s*(.*)$`, "im").exec(full)?.[1]?.trim() ?? "";
    const start = questionStart(full);
    return {
      decision: field("DECISION").toLowerCase().replace(/[^a-z_]/g, ""),
      reason: field("REASON"),
      question: start >= 0 ? full.slice(start).trim() : "",
    };
  }
}

const QUESTION_MARKER = /^\s*\**QUESTION\**\s*:/im;

/** Where the question's text begins (after its marker), or -1 while it has not come yet. */
function questionStart(text: string): number {
  const match = QUESTION_MARKER.exec(text);
  return match ? match.index + match[0].length : -1;
}
