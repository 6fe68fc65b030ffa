/**
 * Role reversal by voice, dispatched as "candidate-agent": the human interviews, and the AI
 * candidate answers each question through the same graph and bridge as the interviewer.
 */
import { interviewAgent } from "./agent.js";

export default interviewAgent("candidate-agent");
