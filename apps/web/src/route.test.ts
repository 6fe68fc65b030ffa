import { describe, expect, it } from "vitest";
import { TEAM_PATH, interviewPath, invitePath, reviewPath, routeFromLocation, threadFromLocation } from "./route";

describe("page URLs", () => {
  it("round-trips a thread id through /interview/<id>", () => {
    for (const id of ["5c4ff528-3bcd-4ffd-851c-681b4afb32a9", "team:ana.2024", "a b/c"]) {
      expect(threadFromLocation(interviewPath(id), "")).toBe(id);
      expect(routeFromLocation(interviewPath(id), "")).toEqual({ view: "interview", threadId: id });
    }
  });

  it("reads ?thread= too, and nothing on the set-up page", () => {
    expect(threadFromLocation("/", "?thread=t-1")).toBe("t-1");
    expect(threadFromLocation("/", "")).toBeNull();
    expect(threadFromLocation("/interview/", "")).toBeNull();
    expect(threadFromLocation("/interview/t-2/", "")).toBe("t-2");
    expect(threadFromLocation("/interview/%E0%A4%A", "")).toBeNull();
  });

  it("opens the team's page at /team and a candidate's invite at /invite/<token>", () => {
    expect(routeFromLocation(TEAM_PATH, "")).toEqual({ view: "team" });
    expect(routeFromLocation("/team/", "")).toEqual({ view: "team" });
    for (const id of ["5c4ff528-3bcd-4ffd-851c-681b4afb32a9", "team:ana.2024", "a b/c"]) {
      expect(routeFromLocation(reviewPath(id), "")).toEqual({ view: "review", threadId: id });
    }
    expect(routeFromLocation("/team/interview/", "")).toEqual({ view: "setup" });
    expect(routeFromLocation(invitePath("dXndlPFa-MJk_QX"), "")).toEqual({ view: "invite", token: "dXndlPFa-MJk_QX" });
    expect(routeFromLocation("/invite/", "")).toEqual({ view: "setup" });
    expect(routeFromLocation("/somewhere", "")).toEqual({ view: "setup" });
  });
});
