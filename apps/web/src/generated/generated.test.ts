import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { GENERATED_FILES, contractDocument, contractLimits, generateApiFiles } from "../../scripts/generate-api";
import { CONTRACT_LIMITS } from "./limits";

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

describe("the generated API contract", () => {
  it.each(GENERATED_FILES)("%s is what the API's OpenAPI document produces now (run `pnpm --filter @interview/web generate:api` if not)", async (file) => {
    const fresh = (await generateApiFiles())[file];
    expect(readFileSync(path.join(WEB, file), "utf8")).toBe(fresh);
  }, 60_000);

  it("reads the limits the set-up form checks from the document's schemas", async () => {
    const limits = contractLimits(await contractDocument());
    expect(limits.StartInterviewForm?.job_title).toEqual({ maxLength: CONTRACT_LIMITS.StartInterviewForm.job_title.maxLength });
    expect(limits.StartInterviewForm?.max_step).toEqual({ minimum: 1, maximum: CONTRACT_LIMITS.StartInterviewForm.max_step.maximum });
    // Response-only schemas carry no limits and are left out.
    expect(limits.TurnResponse).toBeUndefined();
  }, 60_000);
});
