import type { CvModel } from "./types.js";

/** The model of no CV at all. */
export const emptyCvModel = (): CvModel => ({
  contact: { emails: [], phones: [], links: [] },
  sections: [],
  experience: [],
  projects: [],
  education: [],
  skills: { language: [], framework: [], datastore: [], cloud: [], tool: [], practice: [], soft_skill: [], other: [] },
  languages: [],
  certifications: [],
  technologies: [],
});

/**
 * The technologies and skills a CV names: what the scorer counts as the candidate's own terms.
 * Tolerates a state saved by an older version of the engine, which had no typed model.
 */
export function cvTerms(model: Partial<CvModel> | undefined): string[] {
  const skills = model?.skills ? Object.values(model.skills).flat() : [];
  return [...new Set([...(model?.technologies ?? []), ...skills])];
}
