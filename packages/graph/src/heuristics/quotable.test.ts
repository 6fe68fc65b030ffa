import { describe, expect, it } from "vitest";
import { clauseMatching } from "./clauses.js";
import { quotableClause, quotableFragment } from "./quotable.js";
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

  it("quotes a short sentence whole", () => {
    expect(quotableClause("I designed a Kafka event pipeline at Parcelly, and it went well.")).toBe("I designed a Kafka event pipeline at Parcelly, and it went well");
  });

  it("quotes a whole clause of a long sentence rather than cutting it a word before its end", () => {
    expect(quotableClause("I did some of that at my last company, and it went fine.")).toBe("I did some of that at my last company");
    expect(quotableClause("I shipped an offline-first recommendation service in Python and FastAPI at Lumen Analytics, and it went well.")).toBe(
      "I shipped an offline-first recommendation service in Python and FastAPI at Lumen Analytics",
    );
  });

  it("keeps a list of names and a name with a comma in one clause", () => {
    expect(quotableClause("I built the observability stack on Prometheus, Grafana and OpenTelemetry at Stackwell, and it went well.")).toBe(
      "I built the observability stack on Prometheus, Grafana and OpenTelemetry at Stackwell",
    );
  });

  it("quotes a clause of a rambling answer without its fillers and never one that ends on a dangling word", () => {
    const rambling =
      "So Kubernetes, yeah, Kubernetes was a really big part of what we did, basically it was the thing everyone talked about, and it was really important for us, " +
      "because it is what the customers want, and so we worked on Kubernetes a lot.";
    expect(quotableClause(rambling)).toBe("Kubernetes was a really big part of what we did");
  });

  it("quotes nothing when no sentence or clause is short enough, so the question can paraphrase", () => {
    const long = "We worked for many months on the whole migration of every single one of the old reporting services to the new platform that the team had chosen last year";
    expect(quotableClause(long)).toBe("");
  });
});

