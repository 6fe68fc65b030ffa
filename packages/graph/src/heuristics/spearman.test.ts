import { describe, expect, it } from "vitest";
import { spearman } from "./spearman.js";

describe("Spearman rank correlation", () => {
  it("reproduces the textbook example (IQ against hours of television: ρ = −29/165)", () => {
    const iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
    const tv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];
    expect(spearman(iq, tv)).toBeCloseTo(-29 / 165, 10);
  });

  it("depends only on order, so any increasing transform gives 1 and a reversal gives -1", () => {
    const x = [3, 1, 4, 1.5, 9, 2.6];
    expect(spearman(x, x.map((v) => Math.exp(v)))).toBeCloseTo(1, 10);
    expect(spearman(x, x.map((v) => -v * v * v))).toBeCloseTo(-1, 10);
  });

  it("gives tied values their mean rank", () => {
    // Ranks of [1, 2, 2, 3] are [1, 2.5, 2.5, 4]; against [1, 2, 3, 4] that is ρ = 4.5 / √(4.5·5).
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(4.5 / Math.sqrt(4.5 * 5), 10);
  });

  it("is undefined for a constant sample and refuses unpaired ones", () => {
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(() => spearman([1, 2], [1, 2, 3])).toThrow(RangeError);
  });
});
