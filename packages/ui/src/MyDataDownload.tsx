import { todayInEngland } from '@waymark/domain';
import { DownloadSection } from './DownloadSection.js';
import { subjectAccessFileName, subjectAccessHtml, subjectAccessParts, type SubjectAccessPart } from './subjectAccess.js';

/** The signed-in person's own export, as one request through the gateway gives it. */
export interface MyData {
  id: string;
  name: string;
  parts: SubjectAccessPart[];
}

type JsonPart = { [key: string]: unknown } | null;

/** What a portal's "Download my data" document asks of `me`: every subgraph's part. */
export interface MyDataFields {
  id: string;
  displayName: string;
  identitySubjectAccess: JsonPart;
  pupilsSubjectAccess: JsonPart;
  employersSubjectAccess: JsonPart;
  encountersSubjectAccess: JsonPart;
  destinationsSubjectAccess: JsonPart;
}

/** The answer to that document, read as an export. */
export function myDataOf(me: MyDataFields): MyData {
  const parts = subjectAccessParts([
    me.identitySubjectAccess,
    me.pupilsSubjectAccess,
    me.employersSubjectAccess,
    me.encountersSubjectAccess,
    me.destinationsSubjectAccess,
  ]);
  return { id: me.id, name: me.displayName, parts };
}

export interface MyDataDownloadProps {
  /** Asks for the signed-in person's data (every part, in one request). */
  load: () => Promise<MyData>;
  /** Who to tell when something in the file is wrong, as a sentence for this portal's people. */
  whoToAsk: string;
}

// Headings for a person reading about themself.
const PART_TITLES: Record<string, string> = {
  identity: 'Your account and signing in',
  pupils: 'Your school record',
  employers: 'Your volunteering',
  encounters: 'Careers activities',
  destinations: 'Your plans after school',
};

/** The printable page of a person's own export, in words an 11-year-old can follow. */
export function myDataHtml(data: MyData, generatedAt: string, whoToAsk: string): string {
  return subjectAccessHtml({
    title: `Everything Waymark keeps about you, ${data.name}`,
    introduction: [
      'This is a copy of all the information Waymark keeps about you, from every part of Waymark. It is yours: you asked for it, and the law says you can have it.',
      'A few things are kept but not shown. Your password, and the codes that keep your account safe, are only kept scrambled so that nobody can read them, so they are not in this file.',
      whoToAsk,
    ],
    partTitles: PART_TITLES,
    generatedAt,
    parts: data.parts,
  });
}

/**
 * "Download my data": one request gathers everything Waymark keeps about the signed-in person, and
 * the browser saves it twice: a page to read and print, and a JSON file for other systems.
 */
export function MyDataDownload({ load, whoToAsk }: MyDataDownloadProps) {
  const prepare = async () => {
    const data = await load();
    const generatedAt = new Date().toISOString();
    const day = todayInEngland();
    return [
      {
        name: subjectAccessFileName('my-waymark-data', data.name, day, 'html'),
        content: myDataHtml(data, generatedAt, whoToAsk),
        type: 'text/html;charset=utf-8',
      },
      {
        name: subjectAccessFileName('my-waymark-data', data.name, day, 'json'),
        content: JSON.stringify({ person: { id: data.id, name: data.name }, generatedAt, parts: data.parts }, null, 2),
        type: 'application/json',
      },
    ];
  };

  return (
    <DownloadSection
      title="Your data"
      description="You can download a copy of everything Waymark keeps about you. You get two files: a page you can open in a web browser and print, and a file for computers (JSON)."
      buttonText="Download my data"
      busyText="Getting your data…"
      errorTitle="Your data could not be downloaded"
      prepare={prepare}
    />
  );
}
