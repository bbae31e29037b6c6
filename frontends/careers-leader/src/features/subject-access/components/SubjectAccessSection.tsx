import { request, required } from '@waymark/graphql-client';
import { Button, ErrorPanel, Section, subjectAccessParts } from '@waymark/ui';
import { useState } from 'react';
import { downloadFile, todayIso } from '../../../shared/download';
import { SUBJECT_ACCESS_QUERY } from '../graphql/subjectAccess';
import { pupilSubjectAccessFileName, pupilSubjectAccessHtml, type SubjectAccessExport } from '../lib/subjectAccessDocument';

type State = { status: 'idle' } | { status: 'fetching' } | { status: 'done'; files: string[] } | { status: 'error'; message: string };

export interface SubjectAccessSectionProps {
  pupilId: string;
  pupilName: string;
}

/**
 * A subject access request: one request gathers everything Waymark holds about the pupil from every
 * part of it, and the browser saves it twice — as JSON for other systems, and as a page to print.
 */
export function SubjectAccessSection({ pupilId, pupilName }: SubjectAccessSectionProps) {
  const [state, setState] = useState<State>({ status: 'idle' });

  const run = async () => {
    setState({ status: 'fetching' });
    try {
      const pupil = required((await request(SUBJECT_ACCESS_QUERY, { id: pupilId })).pupil);
      const parts = subjectAccessParts([pupil.pupilsSubjectAccess, pupil.encountersSubjectAccess, pupil.destinationsSubjectAccess]);
      const data: SubjectAccessExport = {
        pupil: { id: pupil.id, name: pupil.displayName },
        generatedAt: new Date().toISOString(),
        parts,
      };
      const day = todayIso();
      const files = [pupilSubjectAccessFileName(pupil.displayName, day, 'json'), pupilSubjectAccessFileName(pupil.displayName, day, 'html')];
      downloadFile(JSON.stringify(data, null, 2), files[0], 'application/json');
      downloadFile(pupilSubjectAccessHtml(data), files[1], 'text/html;charset=utf-8');
      setState({ status: 'done', files });
    } catch (error) {
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <Section
      title="Subject access request"
      description={`When ${pupilName} or their parent or carer asks for the data Waymark holds about them, download it here: a file for other systems (JSON) and a page to print. The download is recorded in the data access log.`}
    >
      <div className="wm-button-row">
        <Button variant="secondary" onClick={() => void run()} disabled={state.status === 'fetching'}>
          {state.status === 'fetching' ? 'Gathering the record…' : 'Download everything Waymark holds'}
        </Button>
      </div>
      <p role="status" aria-live="polite" className="wm-muted">
        {state.status === 'done' ? `Downloaded ${state.files.join(' and ')}.` : ''}
      </p>
      {state.status === 'error' ? (
        <ErrorPanel title="The download did not work" headingLevel={3}>
          {state.message}
        </ErrorPanel>
      ) : null}
    </Section>
  );
}
