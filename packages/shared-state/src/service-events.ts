import type { InterviewEvents } from "@interview/graph";
import type { BusEventBody, InterviewEventBus } from "./event-bus.js";

/**
 * The service's events (`createRuntime(config, { events })`) as bus events, so every replica's
 * sockets hear of turns given over HTTP, voice or another socket. The bus may be given later
 * (it is opened on the runtime's pool); events before that are dropped. A failed publish only
 * costs a live update: it never fails the turn.
 */
export function interviewEventsToBus(bus: InterviewEventBus | (() => InterviewEventBus | undefined), onError?: (error: unknown) => void): InterviewEvents {
  const current = typeof bus === "function" ? bus : () => bus;
  const publish = (threadId: string, event: BusEventBody) => {
    current()
      ?.publish(threadId, event)
      .catch((error: unknown) => onError?.(error));
  };
  return {
    committed(threadId, view) {
      publish(threadId, { type: "turn_committed", status: view.status, ...(view.question ? { questionId: view.question.id } : {}) });
      if (view.status === "completed") publish(threadId, { type: "interview_ended" });
    },
    erased(threadId) {
      publish(threadId, { type: "interview_deleted" });
    },
    accessChanged(threadId) {
      publish(threadId, { type: "access_changed" });
    },
  };
}
