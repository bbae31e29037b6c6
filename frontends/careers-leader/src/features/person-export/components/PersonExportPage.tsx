import { request, required } from '@waymark/graphql-client';
import { DownloadSection, Field, PageHeader, subjectAccessParts } from '@waymark/ui';
import { useState } from 'react';
import { todayIso } from '../../../shared/download';
import { PERSON_SUBJECT_ACCESS_QUERY } from '../graphql/personExport';
import { personExportFileName, personExportHtml, type PersonExport } from '../lib/personExportDocument';

const EMAIL_ID = 'person-export-email';
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Subject access requests from people who are not pupils: the careers leader or data protection lead
 * types the email of a parent, carer or volunteer connected to the school, and one request gathers
 * everything Waymark holds about them, saved as JSON and as a page to print. Each download is recorded
 * in the school's data access log.
 */
export function PersonExportPage({ canOpenRecords }: { canOpenRecords: boolean }) {
  const [email, setEmail] = useState('');

  const prepare = async () => {
    const address = email.trim();
    if (!EMAIL_PATTERN.test(address)) throw new Error('Enter their email address, like name@example.com.');
    const person = required((await request(PERSON_SUBJECT_ACCESS_QUERY, { email: address })).personSubjectAccess);
    const data: PersonExport = {
      person: { id: person.id, name: person.displayName, kind: person.kind },
      generatedAt: new Date().toISOString(),
      parts: subjectAccessParts([
        person.identitySubjectAccess,
        person.pupilsSubjectAccess,
        person.employersSubjectAccess,
        person.encountersSubjectAccess,
        person.destinationsSubjectAccess,
      ]),
    };
    const day = todayIso();
    return [
      { name: personExportFileName(person.displayName, day, 'json'), content: JSON.stringify(data, null, 2), type: 'application/json' },
      { name: personExportFileName(person.displayName, day, 'html'), content: personExportHtml(data), type: 'text/html;charset=utf-8' },
    ];
  };

  return (
    <>
      <PageHeader
        title="Subject access requests"
        description={`When a parent, carer or volunteer asks for the data Waymark holds about them, download it here. For a pupil, use "Export a pupil's data"${
          canOpenRecords ? " or the pupil's record page" : ''
        }.`}
      />
      <DownloadSection
        title="A parent, carer or volunteer"
        description="Only people connected to your school: a parent or carer of one of your pupils, or a volunteer who works with your school. You get a file for other systems (JSON) and a page to print. Each download is recorded in the data access log."
        buttonText="Download everything Waymark holds about them"
        busyText="Gathering their data…"
        errorTitle="The download did not work"
        prepare={prepare}
      >
        <Field
          id={EMAIL_ID}
          label="Their email address"
          hint="The email they sign in to Waymark with."
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </DownloadSection>
    </>
  );
}
