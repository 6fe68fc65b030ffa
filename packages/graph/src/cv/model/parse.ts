import { cvTechnologies } from "./technologies.js";
import { deinterleaveColumns } from "./columns.js";
import { absorbContact, emptyContact, isContactLine } from "./contact.js";
import { parseEducation } from "./education.js";
import { parseExperience } from "./experience.js";
import { parseHeader } from "./header.js";
import { headingOf } from "./headings.js";
import { logicalLines } from "./lines.js";
import { normaliseText, stripBullet } from "./normalise.js";
import { isPlace } from "./places.js";
import { parseProjects } from "./projects.js";
import { emptySkills, parseSkills } from "./skills.js";
import { isSpokenLanguage } from "./skill-kinds.js";
import type { CvModel, CvSection, SectionKind } from "./types.js";

interface RawSection {
  heading: string;
  kind: SectionKind;
  lines: string[];
}

/** Splits the text at its headings; contact lines anywhere go to the contact details. */
function sectionsOf(lines: string[], contact: CvModel["contact"]): { header: string[]; sections: RawSection[] } {
  const header: string[] = [];
  const sections: RawSection[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    const heading = headingOf(line);
    if (heading) {
      sections.push({ heading: heading.text, kind: heading.kind, lines: [] });
      continue;
    }
    const section = sections.at(-1);
    if (section && (isContactLine(line) || section.kind === "contact")) {
      for (const left of absorbContact(contact, line)) if (isPlace(left)) contact.location ??= left;
      continue;
    }
    (section?.lines ?? header).push(line);
  }
  return { header, sections };
}

/** The typed CV in the text extracted from a PDF or pasted by the candidate. */
export function parseCv(text: string): CvModel {
  const normalised = normaliseText(text);
  const lines = deinterleaveColumns(normalised.split("\n"));
  const contact = emptyContact();
  const { header, sections } = sectionsOf(lines, contact);
  const attributes = parseHeader(header, contact);
  const model: CvModel = {
    ...attributes,
    contact,
    sections: [],
    experience: [],
    projects: [],
    education: [],
    skills: emptySkills(),
    languages: [],
    certifications: [],
    technologies: cvTechnologies(lines.filter((l) => !isContactLine(l)).join("\n")),
  };
  const summary: string[] = attributes.summary ? [attributes.summary] : [];
  for (const section of sections) {
    const body = logicalLines(section.lines).map((l) => l.text);
    model.sections.push({ heading: section.heading, kind: section.kind, lines: body } satisfies CvSection);
    switch (section.kind) {
      case "experience":
      case "volunteering":
        model.experience.push(...parseExperience(section.lines, section.kind));
        break;
      case "projects":
        model.projects.push(...parseProjects(section.lines));
        break;
      case "education":
        model.education.push(...parseEducation(section.lines));
        break;
      case "skills":
        parseSkills(section.lines, model);
        break;
      case "languages":
        if (body.join(", ").split(/\s*,\s*/).every(isSpokenLanguage)) parseSkills(section.lines, model);
        else parseSkills(section.lines, model, "languages");
        break;
      case "summary":
        summary.push(body.join(" "));
        break;
      case "certifications":
        model.certifications.push(...body.map(stripBullet));
        break;
      default:
        break;
    }
  }
  if (summary.length) model.summary = summary.join(" ");
  else delete model.summary;
  return model;
}
