import { subjectAccessFileName, subjectAccessHtml, type SubjectAccessPart } from '@waymark/ui';

/** A parent's, carer's or volunteer's export as one machine-readable document. */
export interface PersonExport {
  person: { id: string; name: string; kind: 'PARENT_OR_CARER' | 'VOLUNTEER' };
  generatedAt: string;
  parts: SubjectAccessPart[];
}

const PART_TITLES: Record<string, string> = {
  identity: 'Their Waymark account',
  pupils: 'What they wrote, set or looked at in pupils’ records at this school',
  employers: 'Their volunteering profile and offers to this school',
  encounters: 'Careers activities they helped with at this school',
};

const WHO: Record<PersonExport['person']['kind'], string> = {
  PARENT_OR_CARER: 'a parent or carer',
  VOLUNTEER: 'a volunteer',
};

/** The same export as a printable page, laid out by @waymark/ui, in words for the school staff who send it. */
export function personExportHtml(data: PersonExport): string {
  return subjectAccessHtml({
    title: `Everything Waymark holds about ${data.person.name}`,
    introduction: [
      `A subject access request from ${WHO[data.person.kind]}: this is every record Waymark holds about them for this school, from every part of Waymark. Making this download was recorded in the school's data access log.`,
      'Check it before you send it: it can name pupils they wrote about, and the names of staff.',
    ],
    partTitles: PART_TITLES,
    generatedAt: data.generatedAt,
    parts: data.parts,
  });
}

/** File names for the two downloads: the person's name and the day. */
export function personExportFileName(name: string, day: string, extension: 'json' | 'html'): string {
  return subjectAccessFileName('subject-access', name, day, extension);
}
