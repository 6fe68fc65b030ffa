import { describe, expect, it } from "vitest";
import { clauseMatching } from "./clauses.js";
import { quotableFragment } from "./quotable.js";
import { METRIC, RESULT } from "./signals.js";

describe("quoting an answer back", () => {
  it("quotes the most specific sentence of an answer", () => {
    expect(quotableFragment("It was hard. We cut p99 latency from 900 ms to 120 ms with Redis. Then we celebrated.")).toBe(
      "We cut p99 latency from 900 ms to 120 ms with Redis",
    );
  });

  it("quotes the clause that shows an outcome in figures, without its leading connective", () => {
    const answer = "p99 latency was 900 ms at peak, which hurt checkout. I added a cache, and as a result latency dropped to 120 ms.";
    expect(clauseMatching(answer, [[METRIC, RESULT], [METRIC]])).toBe("latency dropped to 120 ms");
  });

  it("shortens a long clause around what it quotes, marking the cut", () => {
    const answer = "Over the course of careful work across the whole team the number of lost events dropped from 0.5% to zero in every region we served";
    const quote = clauseMatching(answer, [[METRIC]], 8)!;
    expect(quote).toMatch(/^….*0\.5%.*…$/);
    expect(quote.replace(/…/g, "").split(/\s+/).length).toBeLessThanOrEqual(8);
  });
});
