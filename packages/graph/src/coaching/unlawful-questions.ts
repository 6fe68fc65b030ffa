/** A question an interviewer should not ask: about a protected characteristic or another unlawful subject. */
export interface UnlawfulTopic {
  category: string;
  why: string;
  /** A lawful question that gets at what the employer may legitimately need to know. */
  alternative?: string;
}

interface Rule extends UnlawfulTopic {
  patterns: RegExp[];
  /** Lawful wording that the patterns would otherwise catch. */
  unless?: RegExp;
}

/**
 * Subjects that are protected, or unlawful to ask about, in most jurisdictions (US EEOC guidance,
 * the UK Equality Act, EU equal-treatment law). Patterns are anchored on the personal question
 * ("are you married", "your religion") so that lawful look-alikes ("a race condition", "work across
 * cultures", "able to perform the essential functions") are not caught.
 */
const RULES: Rule[] = [
  {
    category: "age",
    patterns: [
      /\bhow old are you\b/i,
      /\b(?:your|what'?s your|what is your) (?:age|date of birth|birth ?date|birthday|year of birth)\b/i,
      /\bwhen were you born\b/i,
      /\bwhat year (?:did|were) you (?:graduate|finish|leave|born)/i,
      /\bwhen did you (?:graduate|finish|leave) (?:from )?(?:high school|secondary school|school|college|university)\b/i,
      /\b(?:are you|you're) (?:too )?(?:young|old) (?:for|to)\b/i,
      /\b(?:planning|plan|want|thinking about|going) to retire\b|\bhow (?:long|many years) (?:until|before) (?:you )?retire/i,
      /\bare you (?:over|under) (?:[3-9]\d)\b/i,
    ],
    why: "Age is protected, and questions that reveal it invite age-discrimination claims without telling you anything about ability.",
    alternative: "If the role has a legal minimum age, ask \"Are you over 18?\"; otherwise ask about relevant experience.",
  },
  {
    category: "marital status",
    patterns: [
      /\bare you (?:married|single|divorced|engaged|widowed|seeing anyone|in a relationship)\b/i,
      /\bmarital status\b/i,
      /\b(?:your|a) (?:husband|wife|spouse|boyfriend|girlfriend|fianc[ée]e?)\b/i,
      /\b(?:does|did|what does|what did|will|would|is|has) your partner\b|\byour partner'?s (?:job|work|career)\b/i,
      /\bmaiden name\b/i,
    ],
    unless: /\bmarried to (?:a|an|the|any|one)?\s*(?:particular|specific|single)?\s*(?:framework|language|tool|stack|approach|technology|idea|method|way)/i,
    why: "Marital status is protected in many jurisdictions and says nothing about how someone would do the job.",
    alternative: "If availability is the concern, describe it: \"The role involves travel about one week a month — can you do that?\"",
  },
  {
    category: "children and pregnancy",
    patterns: [
      /\b(?:do you have|have you got)\s+(?:any\s+)?(?:kids|children|a family|dependants)\b/i,
      /\bplan(?:ning|s)? (?:to have|on having|for|to start) (?:kids|children|a family|a baby)\b/i,
      /\bstart(?:ing)? a family\b/i,
      /\bare you (?:pregnant|expecting)\b|\b(?:plan(?:ning)?|intend(?:ing)?) (?:to get|on getting|to become) pregnant\b|\byour pregnancy\b/i,
      /\b(?:maternity|paternity) leave\b.*\b(?:plan|soon|expect)/i,
      /\bchild ?care (?:arrangements|situation|plans)\b|\bwho (?:will |would )?looks? after your (?:kids|children)\b/i,
      /\bfamily plans\b/i,
    ],
    why: "Questions about children or pregnancy are sex discrimination in most jurisdictions.",
    alternative: "State the schedule and ask: \"The role has on-call weeks once a month — would you be able to meet that schedule?\"",
  },
  {
    category: "religion",
    patterns: [
      /\b(?:what'?s|what is|which is) your (?:religion|faith)\b|\bwhat religion\b/i,
      /\byour (?:religion|religious (?:background|beliefs?|views|upbringing|community)|faith(?! in\b))\b/i,
      /\b(?:are you|you're) (?:religious|christian|muslim|jewish|hindu|catholic|buddhist|sikh|atheist|protestant)\b/i,
      /\b(?:go to|attend) (?:church|mosque|synagogue|temple)\b/i,
      /\breligious (?:holidays?|beliefs?|observances?|practices?|festivals?)\b/i,
      /\bdo you pray\b|\bobserve (?:ramadan|shabbat|the sabbath|lent|passover|diwali)\b/i,
      /\bwhich holidays do you (?:celebrate|observe)\b/i,
    ],
    why: "Religion and belief are protected; asking suggests the answer could affect the decision.",
    alternative: "Ask about the schedule itself: \"The role includes some weekend shifts — are you available for those?\"",
  },
  {
    category: "nationality and origin",
    patterns: [
      /\bwhere (?:are|were) you (?:really |originally )?(?:from|born)\b/i,
      /\bwhere (?:is|'s) your (?:family|accent|name) from\b|\byour accent\b/i,
      /\b(?:what|which) (?:is your )?(?:nationality|citizenship|country of origin)\b|\byour (?:nationality|citizenship)\b/i,
      /\bare you an? (?:(?:us|u\.s\.|uk|british|american|eu|\w+) )?citizen\b/i,
    ],
    why: "National origin and citizenship are protected; the lawful concern is only the right to work.",
    alternative: "Are you legally authorised to work in this country?",
  },
  {
    category: "nationality and origin",
    patterns: [/\b(?:is|what'?s|what is) your (?:native|first|mother) (?:language|tongue)\b|\byour mother tongue\b/i],
    why: "A native language points to national origin; if the job needs a language, ask about fluency in it.",
    alternative: "This role needs fluent written English — how comfortable are you working in it?",
  },
  {
    category: "race and ethnicity",
    patterns: [
      /\b(?:what'?s|what is|which is) your (?:race|ethnicity|ethnic (?:origin|background|group))\b/i,
      /\bwhat race\b(?! condition)/i,
      /\byour (?:race|ethnicity|ethnic (?:origin|background|group)|skin colou?r)\b/i,
      /\bare you (?:black|white|asian|hispanic|latino|latina|mixed race)\b/i,
    ],
    unless: /\brace conditions?\b/i,
    why: "Race and ethnicity are protected characteristics; there is no lawful reason to ask in an interview.",
  },
  {
    category: "health and disability",
    patterns: [
      /\b(?:do|did) you (?:have|suffer from|get) (?:any |a )?(?:disabilit|medical condition|health (?:problem|issue|condition)|illness|chronic|mental health|long-term condition)/i,
      /\bare you (?:disabled|healthy|in good health|on (?:any )?medication)\b/i,
      /\b(?:do you|are you) (?:take|taking|on) (?:any )?(?:medication|medicines|prescription)/i,
      /\bhow many (?:sick days|days (?:off )?sick|days of sick leave)\b|\bsick (?:days|leave) (?:did|have) you\b/i,
      /\b(?:been|ever been) (?:hospitali[sz]ed|treated for|in rehab)\b/i,
      /\byour (?:health|medical) (?:history|record|condition|problems)\b/i,
      /\bany (?:health|medical) (?:problems|issues|conditions)\b/i,
      /\bworkers'? comp(?:ensation)?\b/i,
    ],
    why: "Health and disability questions before an offer are unlawful in most jurisdictions.",
    alternative: "Are you able to perform the essential functions of this role, with or without reasonable adjustments?",
  },
  {
    category: "sexual orientation and gender identity",
    patterns: [
      /\bsexual orientation\b|\bsexuality\b/i,
      /\bare you (?:gay|straight|lesbian|bisexual|bi|trans|transgender|queer|heterosexual|homosexual|non-binary)\b/i,
      /\b(?:your )?gender identity\b|\bwhat'?s your (?:gender|sex)\b/i,
      /\bborn (?:a )?(?:man|woman|male|female|boy|girl)\b/i,
    ],
    why: "Sexual orientation and gender identity are protected; they have no bearing on the job.",
  },
  {
    category: "political views",
    patterns: [
      /\bpolitical (?:views|party|affiliation|beliefs|leanings|opinions|persuasion)\b/i,
      /\bwho (?:did|will|would) you vote\b|\bhow did you vote\b|\bwhich (?:political )?party do you\b/i,
      /\bare you (?:a )?(?:democrat|republican|tory|labour voter|socialist|communist)\b/i,
    ],
    why: "Political opinion is protected in many jurisdictions and irrelevant to the role.",
  },
  {
    category: "union membership",
    patterns: [
      /\b(?:are|were) you (?:ever )?(?:in|a member of) (?:a|the|any) (?:trade |labou?r )?union\b/i,
      /\bmember of (?:a|the|any) (?:trade |labou?r )?union\b|\bare you (?:a )?union (?:member|rep)/i,
      /\bunion (?:member(?:ship)?|activit\w*|involvement)\b/i,
      /\b(?:join|joining|joined) (?:a|the) (?:trade |labou?r )?union\b|\bhow do you feel about (?:trade |labou?r )?unions\b/i,
    ],
    why: "Refusing work because of union membership is unlawful; asking suggests you might.",
  },
  {
    category: "arrest record",
    patterns: [/\b(?:have you|were you|you) (?:ever )?(?:been )?arrested\b|\barrest record\b/i],
    why: "An arrest is not a conviction; asking about arrests is unlawful or restricted in many places.",
    alternative:
      "Only where the role legally requires a check, say so: \"This role requires a criminal-record check — is there anything you'd like us to know?\"",
  },
  {
    category: "appearance",
    patterns: [/\bhow (?:tall|heavy) are you\b|\bwhat'?s your (?:height|weight)\b|\bhow much do you weigh\b/i],
    why: "Height and weight can discriminate by sex, ethnicity or disability, and are rarely a real requirement.",
    alternative: "If the job has a physical demand, ask about it: \"The role involves lifting 20 kg boxes — can you do that, with or without adjustments?\"",
  },
  {
    category: "salary history",
    patterns: [
      /\b(?:what'?s|what is|what was) your (?:current|previous|last) (?:salary|pay|compensation|package)\b/i,
      /\bhow much (?:do|did) you (?:currently )?(?:earn|make|get paid)\b|\bwhat (?:were|are) you (?:paid|earning)\b/i,
    ],
    why: "Asking for pay history is banned in many US states and cities, and carries past pay gaps forward.",
    alternative: "What are your salary expectations for this role?",
  },
];

/** The unlawful subjects a question touches, one entry per category. */
export function unlawfulTopics(question: string): UnlawfulTopic[] {
  const found = new Map<string, UnlawfulTopic>();
  for (const rule of RULES) {
    if (found.has(rule.category)) continue;
    const text = rule.unless ? question.replace(new RegExp(rule.unless.source, "gi"), " ") : question;
    if (rule.patterns.some((re) => re.test(text))) {
      const { category, why, alternative } = rule;
      found.set(category, alternative ? { category, why, alternative } : { category, why });
    }
  }
  return [...found.values()];
}
