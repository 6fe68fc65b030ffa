/**
 * The API's shapes, named: every type here comes from the generated OpenAPI types
 * (`src/generated/api.d.ts`), so a change to the API's schemas shows up here as a type error.
 */
import type { components, paths } from "./generated/api";

type Schemas = components["schemas"];

export type { paths };
export type TurnResponse = Schemas["TurnResponse"];
export type InterviewRecord = Schemas["Interview"];
export type Question = Schemas["Question"];
export type Feedback = Schemas["Feedback"];
export type Decision = Schemas["Decision"];
export type FinalEvaluation = Schemas["FinalEvaluation"];
export type Coaching = Schemas["Coaching"];
export type JoinResponse = Schemas["JoinResponse"];
export type Health = Schemas["Health"];
export type SocketTicket = Schemas["SocketTicket"];

export type Job = Schemas["Job"];
export type CreateJob = Schemas["CreateJob"];
export type CreateInvite = Schemas["CreateInvite"];
export type InviteCreated = Schemas["InviteCreated"];
export type Invite = Schemas["Invite"];
export type PublicInvite = Schemas["PublicInvite"];
export type InviteResume = Schemas["InviteResume"];
export type InterviewRow = Schemas["InterviewListRow"];
export type InterviewPage = Schemas["InterviewPage"];
export type InterviewListQuery = NonNullable<paths["/interviews"]["get"]["parameters"]["query"]>;

export type Status = TurnResponse["status"];
export type Role = TurnResponse["role"];
export type Recommendation = NonNullable<FinalEvaluation["recommendation"]>;
export type Persona = NonNullable<Schemas["StartInterviewJson"]["persona"]>;
export type Seniority = NonNullable<Schemas["StartInterviewJson"]["seniority"]>;
export type QuestionStyle = NonNullable<Schemas["StartInterviewJson"]["question_style"]>;
/** The four interview types the form offers (the API also takes older style names as types). */
export type QuestionType = Exclude<NonNullable<Schemas["StartInterviewJson"]["question_type"]>, QuestionStyle>;

/**
 * A list of every member of a union, in the order the form shows them: a member missing from
 * the list (the API added one) is a compile error.
 */
const every =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : "is missing a value of the API's enum")) =>
    list;

export const QUESTION_TYPES = every<QuestionType>()(["technical", "behavioral", "mixed", "system_design"]);
export const QUESTION_STYLES = every<QuestionStyle>()(["adaptive", "broad", "narrow_up", "follow_up"]);
export const ROLES = every<Role>()(["candidate", "interviewer"]);
export const PERSONAS = every<Persona>()(["strong", "average", "weak", "evasive"]);
export const SENIORITIES = every<Seniority>()(["junior", "mid", "senior", "lead"]);
export const STATUSES = every<Status>()(["question", "awaiting_question", "completed"]);
export type ListSort = NonNullable<InterviewListQuery["sort"]>;
export type ListOrder = NonNullable<InterviewListQuery["order"]>;
export const LIST_SORTS = every<ListSort>()(["created", "score"]);
export const LIST_ORDERS = every<ListOrder>()(["asc", "desc"]);
