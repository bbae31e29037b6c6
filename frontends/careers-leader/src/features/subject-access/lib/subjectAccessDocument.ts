import { subjectAccessFileName, subjectAccessHtml, type SubjectAccessPart } from '@waymark/ui';

/** The export of a pupil's record as one machine-readable document. */
export interface SubjectAccessExport {
  pupil: { id: string; name: string };
  generatedAt: string;
  parts: SubjectAccessPart[];
}

const PART_TITLES: Record<string, string> = {
  pupils: 'The pupil record',
  encounters: 'Careers activities and guidance',
  destinations: 'Destinations after school',
};

/** The same export as a printable page, laid out by @waymark/ui, in words for the school staff who send it. */
export function pupilSubjectAccessHtml(data: SubjectAccessExport): string {
  return subjectAccessHtml({
    title: `Everything Waymark holds about ${data.pupil.name}`,
    introduction: [
      "A subject access request: this is every record Waymark holds about this pupil, from every part of Waymark. Downloading it was recorded in the school's data access log.",
      'Check it before you share it: it includes staff notes from guidance meetings, and names of other people who wrote or read the record.',
    ],
    partTitles: PART_TITLES,
    generatedAt: data.generatedAt,
    parts: data.parts,
  });
}

/** File names for the two downloads: the pupil's name and the day. */
export function pupilSubjectAccessFileName(name: string, day: string, extension: 'json' | 'html'): string {
  return subjectAccessFileName('subject-access', name, day, extension);
}
