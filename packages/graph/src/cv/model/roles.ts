/** Words that make a phrase a job title, and words that make it an organisation. */
export const ROLE_WORD =
  /\b(?:engineer|engineering manager|developer|manager|analyst|designer|lead|leader|intern|internship|consultant|scientist|architect|director|administrator|admin|specialist|officer|head|founder|co-founder|cofounder|member|cto|ceo|cfo|coo|vp|president|programmer|researcher|associate|assistant|fellow|postdoc|postdoctoral|student|lecturer|professor|teacher|tutor|chef|cook|baker|commis|sous|pâtissier|patissier|chocolatier|waiter|barista|nurse|doctor|physician|accountant|auditor|controller|editor|writer|journalist|coordinator|supervisor|technician|owner|partner|apprentice|trainee|volunteer|sre|devops|representative|agent|advisor|adviser|strategist|marketer|recruiter|producer|artist|photographer|secretary|clerk|operator|mechanic|electrician|pilot|pharmacist|therapist|counsellor|counselor|librarian|curator|principal|chief|staff|tester|qa|ux|ui)\b/i;

export const ORG_WORD =
  /\b(?:inc|ltd|llc|llp|plc|gmbh|ag|sa|s\.p\.a|s\.a|bv|oy|ab|pty|co|corp|corporation|company|university|université|universidad|college|school|institute|institut|academy|lab|labs|laboratory|group|hospital|clinic|hotel|restaurant|café|cafe|bakery|pâtisserie|patisserie|brasserie|bistro|kitchen|agency|studio|studios|systems|technologies|technology|analytics|bank|foods|traders|trading|hosting|retail|solutions|consulting|consultancy|partners|capital|health|healthcare|media|press|council|trust|foundation|society|museum|centre|center|ministry|department|services|networks|industries|holdings|ventures|collective|cooperative|association|nhs|gov)\b\.?/i;

export const hasRoleWord = (text: string): boolean => ROLE_WORD.test(text);
export const hasOrgWord = (text: string): boolean => ORG_WORD.test(text);

/** Column labels of a table header row ("Period Role Employer Location"). */
export const TABLE_LABELS = /^(?:(?:period|dates?|years?|when|from|to|role|position|title|job|job title|employer|company|organi[sz]ation|where|location|place|city|institution|school|degree|qualification|details|description)\s*)+$/i;
