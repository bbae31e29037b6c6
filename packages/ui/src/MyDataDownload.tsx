import { todayInEngland } from '@waymark/domain';
import { useState } from 'react';
import { Button } from './Button.js';
import { ErrorPanel } from './feedback.js';
import { Section } from './layout.js';
import { downloadFile, subjectAccessFileName, subjectAccessHtml, subjectAccessParts, type SubjectAccessPart } from './subjectAccess.js';

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

type State = { status: 'idle' } | { status: 'fetching' } | { status: 'done'; files: string[] } | { status: 'error'; message: string };

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
  const [state, setState] = useState<State>({ status: 'idle' });

  const run = async () => {
    setState({ status: 'fetching' });
    try {
      const data = await load();
      const generatedAt = new Date().toISOString();
      const day = todayInEngland();
      const files = [subjectAccessFileName('my-waymark-data', data.name, day, 'html'), subjectAccessFileName('my-waymark-data', data.name, day, 'json')];
      downloadFile(myDataHtml(data, generatedAt, whoToAsk), files[0], 'text/html;charset=utf-8');
      downloadFile(JSON.stringify({ person: { id: data.id, name: data.name }, generatedAt, parts: data.parts }, null, 2), files[1], 'application/json');
      setState({ status: 'done', files });
    } catch (error) {
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <Section
      title="Your data"
      description="You can download a copy of everything Waymark keeps about you. You get two files: a page you can open in a web browser and print, and a file for computers (JSON)."
    >
      <div className="wm-button-row">
        <Button variant="secondary" onClick={() => void run()} disabled={state.status === 'fetching'}>
          {state.status === 'fetching' ? 'Getting your data…' : 'Download my data'}
        </Button>
      </div>
      <p role="status" aria-live="polite" className="wm-muted">
        {state.status === 'done' ? `Downloaded ${state.files.join(' and ')}.` : ''}
      </p>
      {state.status === 'error' ? (
        <ErrorPanel title="Your data could not be downloaded" headingLevel={3}>
          {state.message}
        </ErrorPanel>
      ) : null}
    </Section>
  );
}
