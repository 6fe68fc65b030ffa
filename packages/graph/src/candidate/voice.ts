import type { Persona, Seniority } from "./types.js";

/*
 * What each persona says around the CV facts. Nothing here names an employer, a technology, a date
 * or a number: those come only from the CV, so the candidate never invents them.
 */

export type Bank = Record<Persona, readonly string[]>;

export const OPENERS: Bank = {
  strong: ["", "Sure.", "Good question.", "Happy to."],
  average: ["", "Okay.", "Sure."],
  weak: ["Um,", "Hmm.", "Well,", ""],
  evasive: ["Great question.", "Oh, that's a good one.", "Absolutely."],
};

export const REFLECTIONS: Record<Seniority, readonly string[]> = {
  junior: [
    "It taught me to ask for a review early rather than polish something on my own.",
    "Looking back, the lesson for me was to check my assumptions with the people who would use it.",
  ],
  mid: [
    "The trade-off was speed against thoroughness: I made the change in smaller steps, which took a little longer but made each one easy to check.",
    "If I did it again, I'd measure the starting point more carefully, so the improvement was easier to show.",
  ],
  senior: [
    "The main trade-off was speed against risk: smaller, reversible steps took longer, but we could back out of any of them.",
    "What I'd do differently is bring the people affected in earlier — the technical part was the easier half.",
  ],
  lead: [
    "As the lead, the trade-off I cared about was delivery now against the team's health later, so I made the reasoning explicit and let the team own the details.",
    "The bigger lesson for me was about sequencing: agree the goal and how we'd measure it first, then let people choose the how.",
  ],
};

/** Reflections any strong candidate may add, so that no two answers close the same way. */
export const GENERAL_REFLECTIONS = [
  "Looking back, I traded some speed for certainty there, and I'd make the same call — though I'd write the success measure down before starting.",
  "The trade-off I'd revisit is working quietly: sharing progress early, even when it isn't pretty, would have saved time later.",
  "If I did it again, I'd spend more time up front with the people who would use it — slower to start, but fewer surprises.",
] as const;

export const CLOSERS_AVERAGE = ["It went well overall.", "I learnt a lot from it.", "I enjoyed that one.", "That worked out well."] as const;
export const HEDGES_WEAK = ["It went okay, I think.", "I don't remember all the details now.", "That's most of it, really.", "It was fine."] as const;
export const DRIFT_WEAK = [
  "Anyway, I really like working with people.",
  "I also just like learning new things in general.",
  "Outside of that, I'm just keen to keep learning.",
] as const;

export const DEFLECTIONS = [
  "That's a really interesting area. I think it depends a lot on the context and the people involved — every team does it a little differently.",
  "It's hard to give one answer to that, because every situation is different. What matters most to me is keeping the bigger picture in mind.",
  "Honestly, it was a real team effort, so it's hard to pull out any one thing.",
  "I've always believed the right approach depends on the situation, and I'm pretty flexible about adapting.",
] as const;

/** The evasive candidate answers the question it would rather have been asked. */
export const PIVOTS = [
  "What I'd rather highlight is how much I enjoy working with different people and bringing them together.",
  "The thing I'm most proud of, really, is how well I get on with people at every level.",
  "More broadly, I'd say my real strength is adapting quickly to whatever the role needs.",
] as const;

export const APPROACH: Bank = {
  strong: [
    "I'd start by getting clear on what good looks like — who it's for and how we'd know it worked. Then I'd take the smallest useful step, check the result and adjust; the trade-off is usually speed against certainty, so I'd make that choice explicit with the people involved.",
    "First I'd want to understand the constraints and who is affected. Then I'd pick the simplest option that meets them, try it on something small, and only widen it once the results hold up — slower at the start, but far fewer surprises.",
  ],
  average: [
    "I'd try to understand the problem properly first, then work through it step by step with the team.",
    "I'd look at what's worked before, make a plan with the team and adjust as we go.",
  ],
  weak: ["I'd probably just try a few things and see what works.", "I guess I'd ask someone who has done it before."],
  evasive: [
    "It really depends on the situation — there's no one right answer to that.",
    "I'd adapt to whatever the team needs; I'm very flexible like that.",
  ],
};

export type Theme = "conflict" | "difficult_person" | "failure" | "pressure" | "feedback" | "leadership" | "proud" | "challenge";

export const THEMES: [Theme, RegExp][] = [
  ["difficult_person", /\b(?:difficult|angry|upset|unhappy|demanding|rude) (?:stakeholder|customer|client|patient|parent|guest|relative|family)s?\b/i],
  ["conflict", /\b(?:conflict|disagree\w*|argument|difficult (?:colleague|person|manager|team ?mate))\b/i],
  ["failure", /\b(?:mistake|fail\w*|went wrong|setback|regret|didn'?t go)\b/i],
  ["pressure", /\b(?:pressure|deadline|stress\w*|urgent|rush\w*)\b/i],
  ["feedback", /\b(?:feedback|criticism|critici[sz]ed)\b/i],
  ["leadership", /\b(?:led|lead|influenc\w*|persuad\w*|mentor\w*|motivat\w*|convinc\w*)\b/i],
  ["proud", /\b(?:proud\w*|achievement|accomplish\w*)\b/i],
];

export const THEME_STRONG: Record<Theme, readonly string[]> = {
  conflict: [
    "Not everyone agreed on the approach at first, so I set up a short session to lay out the options and what each would cost, and we chose one together.",
    "A colleague and I saw it very differently, so we each wrote down what we were worried about; most of it overlapped, and the rest we settled with a small trial.",
  ],
  difficult_person: [
    "They were frustrated, so I listened first, explained plainly what I could and couldn't do, and agreed the next step with them.",
    "I stayed calm, found out what mattered most to them, and checked back in later so they knew they had been heard.",
  ],
  failure: [
    "Part of it didn't go to plan — I'd underestimated how much the people around me needed to know, so I changed how I shared progress and caught problems much earlier after that.",
    "My mistake was committing to a date before I understood the work; I went back, explained why, and re-planned it in smaller pieces.",
  ],
  pressure: [
    "Time was tight, so I cut the scope to what mattered most and was open with everyone about what would wait.",
    "With the deadline close, I split the work so the riskiest part went first, and I gave a short update every day so nobody was surprised.",
  ],
  feedback: [
    "I got feedback that I wasn't explaining my reasoning clearly enough, so I started writing a short note before each big change, and reviews became much smoother.",
    "Someone told me I was jumping to solutions too quickly, so I started asking one more question before proposing anything.",
  ],
  leadership: [
    "My job was mostly to get people aligned: I explained the why, agreed how we'd measure it, and then let people own their parts.",
    "I focused on making the goal clear and removing blockers, rather than telling people how to do their part.",
  ],
  proud: [
    "What I'm proudest of is that it kept working long after — people relied on it without having to think about it.",
    "I'm proud of it because the people who used it every day noticed the difference without being told.",
  ],
  challenge: [
    "The hard part was doing it without disrupting the day-to-day, so I broke it into small steps and checked each one before moving on.",
    "What made it hard was that nobody had a full picture, so I started by mapping what we had before changing anything.",
  ],
};

export const THEME_AVERAGE: Record<Theme, string> = {
  conflict: "We didn't all agree at first, but we talked it through and found a way forward.",
  difficult_person: "I stayed calm and tried to understand what they needed.",
  failure: "Not everything went to plan, but I learnt from it.",
  pressure: "It was a tight timeline, but we got there.",
  feedback: "I took the feedback on board and changed how I worked.",
  leadership: "I tried to keep everyone on the same page.",
  proud: "I was really pleased with how it turned out.",
  challenge: "It was tricky, but we worked through it.",
};

export const THEME_EVASIVE: Record<Theme, string> = {
  conflict: "I get on with most people, so there's rarely real conflict — I think it mostly comes down to communication.",
  difficult_person: "I get on with pretty much everyone, so it's never really been a problem for me.",
  failure: "I'm not sure I'd call anything a failure as such — everything is a learning experience.",
  pressure: "I actually work quite well under pressure, so it doesn't really faze me.",
  feedback: "I'm always open to feedback; I think that's really important.",
  leadership: "I think leadership is really about people, and I've always been good with people.",
  proud: "There's a lot I'm proud of, honestly — it's hard to pick one thing.",
  challenge: "There have been a few like that, and I think each one taught me something.",
};

export const NO_EXAMPLE: Bank = {
  strong: ["I don't have a dramatic example to hand, so let me tell you how I handle it instead."],
  average: ["I can't think of a specific example right now, but in general:"],
  weak: ["Um, I can't really think of one, sorry."],
  evasive: ["There are so many examples I could pick from, really."],
};

export const ADMIT_TECH: Bank = {
  strong: ["I'll be straight with you: I haven't used {x} in a job.", "I haven't used {x} professionally, to be honest."],
  average: ["I haven't used {x}, to be honest.", "I haven't actually worked with {x}."],
  weak: ["No, sorry, I haven't used {x}.", "Not really, I haven't used {x}."],
  evasive: ["{x} isn't something I've used directly, as such.", "I wouldn't say {x} has been a big part of my work."],
};

export const ADMIT_TOPIC: Bank = {
  strong: ["That's not something I've done directly, to be honest."],
  average: ["I haven't really done that myself, to be honest."],
  weak: ["Not really, no."],
  evasive: ["Not directly, as such."],
};

export const NOTHING_RELATED: Bank = {
  strong: ["It would be new to me, so I'd start with a small, low-risk piece of work and ask someone experienced to review it."],
  average: ["I'd be keen to learn it, though."],
  weak: [""],
  evasive: ["But I pick things up quickly."],
};

export const SMALL_TALK: Record<"howAreYou" | "travel" | "drink" | "hearing" | "hello", Bank> = {
  howAreYou: {
    strong: ["I'm well, thanks — and thanks for having me."],
    average: ["Good, thanks. You?"],
    weak: ["Fine, thanks… a bit nervous, to be honest."],
    evasive: ["Great, thanks — really great to be here."],
  },
  travel: {
    strong: ["Yes, no trouble at all, thanks."],
    average: ["Yes, thanks."],
    weak: ["Yeah, eventually, thanks."],
    evasive: ["Oh yes, no problem at all."],
  },
  drink: {
    strong: ["I'm fine for now, thank you."],
    average: ["I'm okay, thanks."],
    weak: ["Oh, um, no, I'm fine, thanks."],
    evasive: ["I'm fine, thank you."],
  },
  hearing: {
    strong: ["Yes, I can hear you clearly."],
    average: ["Yes, that's fine."],
    weak: ["Yeah, I think so."],
    evasive: ["Yes, perfectly."],
  },
  hello: {
    strong: ["Thanks for having me — I've been looking forward to it.", "Thank you — nice to meet you."],
    average: ["Thanks, nice to meet you too.", "Hi, thanks for having me."],
    weak: ["Hi, thanks… nice to meet you.", "Oh, hi, thanks."],
    evasive: ["Lovely to be here, thank you.", "Thank you, it's a pleasure."],
  },
};

export const ACKNOWLEDGE: Bank = {
  strong: ["Sure.", "Of course.", "Great."],
  average: ["Okay.", "Sure."],
  weak: ["Okay.", "Mm-hm."],
  evasive: ["Absolutely.", "Of course."],
};

export const GOODBYE: Bank = {
  strong: ["Thank you — I've really enjoyed the conversation, and I look forward to hearing from you."],
  average: ["Thanks for your time."],
  weak: ["Okay, thanks."],
  evasive: ["Thank you, it's been great."],
};

export const CANDIDATE_QUESTIONS: Bank = {
  strong: [
    "Yes — what would success look like for this role after the first few months?",
    "Yes, a couple. What's the biggest challenge the team is working through right now?",
    "Yes — how does the team decide what to work on next, and how much say would I have in that?",
  ],
  average: ["Yes — what does a typical week look like for the team?", "What are the next steps in the process?"],
  weak: ["Um, not really. Maybe what the hours are like?"],
  evasive: ["I think you've covered most of it, thanks — maybe just what the next steps are?"],
};

export const ANYTHING_ELSE: Bank = {
  strong: ["Just that I'm genuinely keen on this."],
  average: ["No, I think we've covered it — thanks."],
  weak: ["No, I think that's it."],
  evasive: ["Just that I think I'd be a great fit overall."],
};

export const SALARY: Bank = {
  strong: [
    "I'd want to understand the whole package first, but I'm looking for something in line with the market for a {level} {job} — I'm sure we can find a number that's fair for both sides.",
  ],
  average: ["I'm flexible — I'd expect something around the market rate for the role."],
  weak: ["Um, I'm not really sure — whatever's normal, I guess?"],
  evasive: ["I'm sure we can work something out — what's the budget for the role?"],
};

export const NOTICE: Bank = {
  strong: ["I'd need to check the exact terms of my current contract, but I'd agree a start date that allows a proper handover, and I can be flexible."],
  average: ["I'd have to check my contract, but I'm fairly flexible."],
  weak: ["I'm not sure, I'd need to check."],
  evasive: ["That shouldn't be a problem — I'm sure we can make it work."],
};

export const LOGISTICS: Bank = {
  strong: ["I'm open to that in principle — could you tell me a bit more about what it would involve week to week?"],
  average: ["That should be fine — how often would it come up?"],
  weak: ["I think so, yeah."],
  evasive: ["I'm very flexible, so I'm sure it would work out."],
};

export const RIGHT_TO_WORK: Bank = {
  strong: ["I'm happy to go through the right-to-work checks with HR at the usual stage."],
  average: ["I can go through the right-to-work checks with HR."],
  weak: ["Um, I can sort out the paperwork with HR, I think."],
  evasive: ["That's all something we can sort out with HR."],
};

export const COMPANY_KNOWLEDGE: Bank = {
  strong: ["Mostly what's in the job description, to be honest — I'd rather hear from you how the team works than guess."],
  average: ["Just what's in the advert, really — it sounds like interesting work."],
  weak: ["Not much, sorry."],
  evasive: ["I know enough to be really excited about it."],
};

export const WEAKNESS: Bank = {
  strong: [
    "I used to take too much on myself instead of asking for help early. These days I flag it sooner and share the work out, and it's made a real difference.",
  ],
  average: ["I can be a bit of a perfectionist, so I'm working on knowing when something is good enough."],
  weak: ["I don't really have one… maybe that I work too hard?"],
  evasive: ["Honestly, I'd say I just care too much about getting things right."],
};

export const STRENGTH_FALLBACK: Bank = {
  strong: ["I'd say my biggest strength is following things through: I don't leave work half-finished."],
  average: ["Probably that I'm reliable — people know things will get done."],
  weak: ["I'm a hard worker, I guess, and I get on with people."],
  evasive: ["I'm very adaptable — I can turn my hand to pretty much anything."],
};

export const MOTIVATION_FALLBACK: Bank = {
  strong: ["It's the kind of work I want to be doing more of, and the role is a real step up in responsibility for me."],
  average: ["It seems like a good fit for what I've been doing, and I'm ready for a new challenge."],
  weak: ["I just think it'd be a good next step, and the role sounded interesting."],
  evasive: ["It just feels like the right fit, honestly — it's a great opportunity, and I think I'd bring a lot to it."],
};

export const INTRODUCTION_FALLBACK: Bank = {
  strong: ["I'd describe myself as someone who likes hard problems and cares about doing the work properly."],
  average: ["I've worked in a few roles, and I'm looking for my next step."],
  weak: ["Um, I'm just looking for a new job, really."],
  evasive: ["I'd describe myself as someone who likes a challenge and works well with people — I've done a real mix of things over the years."],
};

export const DECLINE: Bank = {
  strong: ["I'd rather not go into {subject}, if that's all right — it doesn't affect how I'd do the job. {steer}"],
  average: ["I'd prefer to keep {subject} private, if that's okay. {steer}"],
  weak: ["Oh — um, I'd rather not talk about {subject}, if that's okay."],
  evasive: ["Ha, let's not go into {subject} — I'd much rather keep it about the role."],
};

/** How the candidate refers to each unlawful subject when declining it, and where it steers instead. */
export const DECLINED_SUBJECT: Record<string, { subject: string; steer: string }> = {
  age: { subject: "my age", steer: "I'm happy to talk about my experience instead." },
  "marital status": { subject: "my relationship status", steer: "I'm happy to talk about anything the role needs from me." },
  "children and pregnancy": { subject: "family plans", steer: "If there's a schedule the role needs, I'm happy to talk about that." },
  religion: { subject: "my religion", steer: "If it's about the working pattern, I'm happy to talk about that." },
  "nationality and origin": { subject: "where I'm from", steer: "If it's about the right to work, I'm happy to go through that with HR." },
  "race and ethnicity": { subject: "my background", steer: "I'm happy to talk about my work, though." },
  "health and disability": { subject: "my health", steer: "If there's a specific requirement of the role you'd like to check, I'm happy to talk about that." },
  "sexual orientation and gender identity": { subject: "my private life", steer: "I'm happy to talk about the work, though." },
  "political views": { subject: "politics", steer: "I'm happy to talk about how I work with people whose views differ from mine." },
  "union membership": { subject: "that", steer: "I'm happy to talk about the role itself." },
  "arrest record": { subject: "that", steer: "If the role needs a formal check, I'm happy to go through the usual process." },
  appearance: { subject: "that", steer: "If the role has a physical requirement, I'm happy to talk about it." },
  "salary history": { subject: "my current package", steer: "I'd rather focus on what this role is worth — I'm happy to talk about expectations." },
};

export const CONTACT: Bank = {
  strong: ["My details are on my CV — that's the best way to reach me."],
  average: ["It's all on my CV."],
  weak: ["Um, it should be on my CV."],
  evasive: ["It's all on the CV, so you can reach me any time."],
};

export const LANGUAGES_UNSTATED: Bank = {
  strong: ["If the role needs a particular language, I'm happy to talk about my level in it."],
  average: ["If the role needs a particular language, I can tell you my level."],
  weak: ["Um, is there one the role needs?"],
  evasive: ["I pick languages up quite easily, really."],
};

export const TOOLS_EVASIVE = [
  "Honestly, I'm comfortable with most tools — I pick new ones up quickly, so it's never really been an issue.",
] as const;
