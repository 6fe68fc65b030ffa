import type { Phase } from "../../types.js";
import type { ConcreteQuestionType } from "../model.js";

/**
 * Question templates per type and phase. Slots: {job} {company} {topic} {project} {employer}
 * {skill}; each has a natural fallback when the CV or job description does not provide it.
 */
export const questionBank: Record<ConcreteQuestionType, Record<Phase, string[]>> = {
  technical: {
    intro: [
      "To start, give me a short tour of your background and the technical work that best prepares you for the {job} role.",
      "Tell me about the technical problem you have enjoyed solving most so far, and why it matters for a {job}.",
      "Which parts of your experience {employerPhrase}do you think are most relevant to being a {job}{companyPhrase}?",
      "Describe the stack you have worked with most recently and how you came to know it in depth.",
      "What kind of engineering work do you want to do as a {job}, and what have you done that shows you are ready for it?",
      "Summarise your experience in two minutes, focusing on the systems you built and the decisions you owned.",
    ],
    projects: [
      "Walk me through {project}: what problem did it solve, what was the architecture, and which parts did you build yourself?",
      "In {project}, what was the hardest technical decision you made, and what alternatives did you reject?",
      "If you rebuilt {project} today, what would you change in its design and why?",
      "How did you test and deploy {project}, and how did you know it worked in production?",
      "What was the biggest bug or outage you dealt with in {project}, and how did you track it down?",
      "How did {project} perform under load, and what did you measure to find out?",
    ],
    standout_skills: [
      "Your CV highlights {skill}. Explain how it works under the hood at a level a senior colleague would appreciate.",
      "Tell me about a time {skill} saved a project, or made it harder than it should have been.",
      "What are the common mistakes people make with {skill}, and how do you avoid them?",
      "How would you teach {skill} to a new team member in their first week?",
      "Describe the most advanced thing you have done with {skill}, with concrete numbers if you have them.",
      "When would you choose not to use {skill}? Give a concrete example.",
    ],
    role_skills: [
      "This role relies on {topic}. How have you used it, and what trade-offs did you have to manage?",
      "How would you debug a production issue involving {topic} that only appears under heavy load?",
      "Explain how you would design a reliable component around {topic} for a {job}{companyPhrase}.",
      "What metrics would you watch for a system built on {topic}, and what would make you page someone?",
      "How do you keep code involving {topic} maintainable as the team and codebase grow?",
      "Compare two approaches you know for {topic} and say when each one wins.",
    ],
    closing: [
      "What is one technical area you are actively improving, and what are you doing about it?",
      "If you joined{companyShort} as a {job}, what would you want to learn or improve in your first 90 days?",
      "Which piece of technical work are you proudest of, and what did it teach you?",
      "What questions do you have about the engineering practices of this team?",
      "What would make you successful as a {job}, and how would you know after six months?",
    ],
  },
  behavioral: {
    intro: [
      "Tell me about yourself and what draws you to the {job} role{companyPhrase}.",
      "Walk me through your career so far and the moments that shaped how you work.",
      "What motivates you at work, and how has that shown up in your last role {employerPhrase}?",
      "Describe the kind of team where you do your best work, with an example from your experience.",
      "Why are you looking for a {job} position now, and what are you hoping to find?",
    ],
    projects: [
      "Tell me about {project}: what was your role, who did you work with, and what was the outcome?",
      "Describe a moment in {project} when things went wrong. What did you do, and what happened next?",
      "How did you handle disagreements about priorities or approach during {project}?",
      "What did you learn about working with other people from {project}?",
      "Tell me about a deadline in {project} that was at risk. How did you handle it?",
    ],
    standout_skills: [
      "Tell me about a time your {skill} made a real difference to a team or a result.",
      "Describe a situation where you had to lead without formal authority. What did you do?",
      "Tell me about a time you received difficult feedback. How did you respond, and what changed?",
      "Describe a situation where you had to learn something quickly to deliver. How did you approach it?",
      "Tell me about a decision you made with incomplete information. How did it turn out?",
    ],
    role_skills: [
      "As a {job}, you will deal with {topic}. Tell me about a time you handled something similar.",
      "Tell me about a time you had to convince stakeholders to change course. What was the result?",
      "Describe a conflict with a colleague and how you resolved it.",
      "Tell me about a time you failed. What happened, and what did you do differently afterwards?",
      "Describe a time you had to balance quality against speed. How did you decide?",
      "Tell me about a time you mentored or helped someone grow. What did you do, and what changed for them?",
    ],
    closing: [
      "What would your last manager say is the one thing you should work on?",
      "Where do you want to be in three years, and how does this {job} role fit into that?",
      "What kind of support helps you do your best work?",
      "What questions do you have for us about the team or the role{companyPhrase}?",
      "Is there anything about your experience that we have not covered and that you want us to know?",
    ],
  },
  system_design: {
    intro: [
      "Tell me about the largest system you have worked on: its scale, its main components, and your part in it.",
      "Describe a system you designed from scratch. What were the requirements, and how did they shape the design?",
      "What does a good design review look like to you, and what do you look for first?",
      "Which system design decision in your career are you most proud of, and why did it hold up?",
    ],
    projects: [
      "Draw {project} for me in words: its components, data flow, and where state lives.",
      "What were the scaling limits of {project}, and how would you push them ten times further?",
      "How did {project} handle failures of its dependencies? What would you add to make it more resilient?",
      "How was data modelled and stored in {project}, and what would you change with hindsight?",
    ],
    standout_skills: [
      "Using {skill} as a building block, design a service that handles a sudden ten-fold traffic spike.",
      "Where does {skill} fit in a large distributed system, and what are its failure modes?",
      "Design the data layer for a product that relies heavily on {skill}. What consistency guarantees do you need?",
      "How would you migrate a live system onto {skill} without downtime?",
    ],
    role_skills: [
      "Design a system for a {job}{companyPhrase} that relies on {topic}. Start with requirements, then the architecture.",
      "Design a rate limiter for a public API used by millions of clients. Where does it live and how does it scale?",
      "Design a notification service that sends email, SMS and push at scale. How do you avoid duplicates?",
      "Design a URL shortener with analytics. How do you generate keys and count clicks at scale?",
      "Design a job queue that guarantees each job runs at least once. How do you deal with poison messages?",
      "Design the backend for a real-time collaborative document editor. How do you resolve conflicts?",
      "Design a search feature over {topic} data. How do you index, rank and keep it fresh?",
    ],
    closing: [
      "Looking back at the designs you have built, which assumption turned out to be wrong most often?",
      "How do you decide when a system needs a redesign rather than another incremental fix?",
      "How would you document and communicate a major architecture change to the rest of the organisation?",
      "What questions do you have about the architecture of the systems this team owns?",
    ],
  },
};

/** Follow-up templates, keyed by what the last answer lacked. {quote} is the candidate's own words. */
export const followUpBank: Record<"evidence" | "depth" | "structure" | "relevance" | "general", string[]> = {
  evidence: [
    "You said \"{quote}\". Can you put numbers on that: what changed, by how much, and how did you measure it?",
    "You mentioned \"{quote}\". What concrete result came out of it, and how do you know?",
  ],
  depth: [
    "You said \"{quote}\". Go one level deeper: how did it work, and what trade-offs did you weigh?",
    "About \"{quote}\": what alternatives did you consider, and why did you choose this one?",
  ],
  structure: [
    "You said \"{quote}\". Walk me through it step by step: the situation, what you did, and the result.",
    "Let's unpack \"{quote}\". What was your specific role, and what happened in the end?",
  ],
  relevance: [
    "You said \"{quote}\". How does that connect to what I asked? Answer it directly, with one concrete example.",
    "Let's come back to the question. You said \"{quote}\"; what does that tell me about how you would handle it?",
  ],
  general: [
    "You said \"{quote}\". Can you give me a specific example of that from your own work?",
    "Tell me more about \"{quote}\": what was your own contribution?",
  ],
};

/** Extra demand added to a question as difficulty rises (index = difficulty - 1). */
export const difficultyClauses = [
  "",
  "",
  " Include the main trade-offs you considered.",
  " Include the trade-offs, and how your approach would change at ten times the scale.",
  " Include the trade-offs, how it would fail at ten times the scale, and how you would detect that failure.",
];
