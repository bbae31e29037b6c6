import { request, required } from '@waymark/graphql-client';
import { DownloadSection, subjectAccessParts } from '@waymark/ui';
import { todayIso } from '../../../shared/download';
import { SUBJECT_ACCESS_BY_UPN_QUERY, SUBJECT_ACCESS_QUERY } from '../graphql/subjectAccess';
import { pupilSubjectAccessFileName, pupilSubjectAccessHtml, type SubjectAccessExport } from '../lib/subjectAccessDocument';

/** Whose data: a pupil by id (their record page), or by UPN (a data protection lead, who cannot open records). */
export type SubjectAccessSectionProps = { pupilName: string } & ({ pupilId: string } | { upn: string });

/**
 * A subject access request: one request gathers everything Waymark holds about the pupil from every
 * part of it, and the browser saves it twice — as JSON for other systems, and as a page to print.
 */
export function SubjectAccessSection(props: SubjectAccessSectionProps) {
  const { pupilName } = props;
  const prepare = async () => {
    const pupil =
      'upn' in props
        ? required((await request(SUBJECT_ACCESS_BY_UPN_QUERY, { upn: props.upn })).pupilByUpn)
        : required((await request(SUBJECT_ACCESS_QUERY, { id: props.pupilId })).pupil);
    const data: SubjectAccessExport = {
      pupil: { id: pupil.id, name: pupil.displayName },
      generatedAt: new Date().toISOString(),
      parts: subjectAccessParts([pupil.pupilsSubjectAccess, pupil.encountersSubjectAccess, pupil.destinationsSubjectAccess]),
    };
    const day = todayIso();
    return [
      { name: pupilSubjectAccessFileName(pupil.displayName, day, 'json'), content: JSON.stringify(data, null, 2), type: 'application/json' },
      { name: pupilSubjectAccessFileName(pupil.displayName, day, 'html'), content: pupilSubjectAccessHtml(data), type: 'text/html;charset=utf-8' },
    ];
  };

  return (
    <DownloadSection
      title="Subject access request"
      description={`When ${pupilName} or their parent or carer asks for the data Waymark holds about them, download it here: a file for other systems (JSON) and a page to print. The download is recorded in the data access log.`}
      buttonText="Download everything Waymark holds"
      busyText="Gathering the record…"
      errorTitle="The download did not work"
      prepare={prepare}
    />
  );
}
