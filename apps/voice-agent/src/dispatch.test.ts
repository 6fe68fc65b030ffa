import { describe, expect, it } from "vitest";
import { roleServedBy, threadIdFromMetadata } from "./dispatch.js";

describe("dispatch", () => {
  it("takes the interview thread from the metadata, the only thing it carries", () => {
    expect(threadIdFromMetadata(JSON.stringify({ thread_id: "thread-42" }))).toBe("thread-42");
    expect(threadIdFromMetadata(JSON.stringify({ thread_id: " thread-42 " }))).toBe("thread-42");
    expect(() => threadIdFromMetadata(undefined)).toThrow(/not JSON[\s\S]*start voice interviews through POST \/join/);
    expect(() => threadIdFromMetadata("")).toThrow(/start voice interviews through POST \/join/);
    expect(() => threadIdFromMetadata(JSON.stringify({ cv: "text" }))).toThrow(/has no thread_id/);
    expect(() => threadIdFromMetadata(JSON.stringify({ thread_id: "" }))).toThrow(/has no thread_id/);
    expect(() => threadIdFromMetadata(JSON.stringify({ thread_id: "x".repeat(129) }))).toThrow(/has no thread_id/);
  });

  it("matches each agent to the interviews it takes part in, as the API dispatches them", () => {
    expect(roleServedBy("voice-agent")).toBe("candidate");
    expect(roleServedBy("candidate-agent")).toBe("interviewer");
  });
});
