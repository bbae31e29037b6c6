import { CommentForm, CommentList, DateText, ErrorPanel, Loading, PageHeader, Section, SummaryList } from '@waymark/ui';
import { NO_JOURNEY_FILTERS } from '@waymark/domain';
import { backFromPupil, routeHref, type Route } from '../../../shared/route';
import { PupilProgressSections } from '../../guidance/components/PupilProgressSections';
import { SubjectAccessSection } from '../../subject-access/components/SubjectAccessSection';
import { usePupilRecord } from '../hooks/usePupilRecord';
import { ConsentSection } from './ConsentSection';
import { FlagsSection } from './FlagsSection';
import { AddressSection } from './AddressSection';
import { HomeAuthoritySection } from './HomeAuthoritySection';
import { MarkLeftAction } from './MarkLeftAction';
import { ParentsSection } from './ParentsSection';
import { ActivitiesSection, DestinationsSection, EnrolmentsSection } from './RecordTables';
import { SectionProblem } from './SectionProblem';

export interface PupilRecordPageProps {
  pupilId: string;
  /** The page the record was opened from: "Back" returns there. */
  from?: Route;
  /** Careers leaders and staff keep the school's roll (as for a roster import): they may mark a pupil as left. */
  canMarkLeft?: boolean;
}

/** A pupil's whole record for staff, assembled through the gateway in one request. */
export function PupilRecordPage({ pupilId, from, canMarkLeft = false }: PupilRecordPageProps) {
  const record = usePupilRecord(pupilId);
  const back = backFromPupil({ from });
  const backLink = (
    <a className="wm-back-link" href={back.href}>
      {back.text}
    </a>
  );
  const { pupil } = record;

  if (!pupil) {
    return (
      <>
        {backLink}
        <PageHeader title="Pupil record" />
        {record.loading ? <Loading label="Loading the pupil's record…" /> : null}
        {!record.loading && record.fatal ? (
          <ErrorPanel title="The record could not be loaded" onRetry={() => void record.refetch()}>
            {record.fatal.message}
          </ErrorPanel>
        ) : null}
        {!record.loading && !record.fatal ? (
          <Section title="No record to show">
            <p>This pupil could not be found, or their record is not one you can see.</p>
          </Section>
        ) : null}
      </>
    );
  }

  const access = pupil.recordAccess;
  const current = access?.current !== false;
  // Their period here: the latest enrolment, which began the day they joined this school.
  const joinedOn =
    pupil.enrolments?.reduce<string | null>((latest, period) => (latest === null || period.startedOn > latest ? period.startedOn : latest), null) ?? null;
  return (
    <>
      {backLink}
      <PageHeader
        title={pupil.displayName}
        caption={pupil.school?.name}
        description="Everything Waymark holds on this pupil's careers education, from every school they have attended."
      />
      {!current ? (
        <div className="wm-inset">
          <p>
            {pupil.displayName} left your school
            {access?.until ? (
              <>
                {' '}
                on <DateText value={access.until} />
              </>
            ) : null}
            . You can see their record up to that date; what happened after the move is for their new school.
          </p>
        </div>
      ) : null}
      {current && pupil.leftOn ? (
        <div className="wm-inset">
          <p>
            {pupil.displayName} left your school on <DateText value={pupil.leftOn} />. They are no longer on roll; their record stays here and they stay in
            destinations tracking for three years after they leave.
          </p>
        </div>
      ) : null}

      <Section title="Details">
        <SummaryList
          items={[
            { term: 'UPN', value: pupil.upn ?? 'Not shown' },
            { term: 'Date of birth', value: pupil.dateOfBirth ? <DateText value={pupil.dateOfBirth} /> : 'Not shown' },
            { term: 'Year group', value: pupil.yearGroup != null ? `Year ${pupil.yearGroup}` : 'Not recorded' },
            { term: 'Tutor group', value: pupil.tutorGroup ?? 'Not recorded' },
            { term: 'School', value: pupil.school?.name ?? 'Not recorded' },
            ...(pupil.leftOn ? [{ term: 'Left on', value: <DateText value={pupil.leftOn} /> }] : []),
          ]}
        />
        {canMarkLeft && current ? (
          <MarkLeftAction pupilId={pupil.id} pupilName={pupil.displayName} leftOn={pupil.leftOn ?? null} joinedOn={joinedOn} onChanged={record.refetch} />
        ) : null}
      </Section>

      <HomeAuthoritySection
        pupilId={pupil.id}
        pupilName={pupil.firstName}
        homeLocalAuthority={pupil.homeLocalAuthority ?? null}
        errors={record.errorsFor('homeLocalAuthority')}
        editable={current}
        onSaved={() => void record.refetch()}
      />

      <AddressSection
        homeAddress={pupil.homeAddress ?? null}
        parentCarer={pupil.parentCarer ?? null}
        errors={[...record.errorsFor('homeAddress'), ...record.errorsFor('parentCarer')]}
      />

      <Section
        title="Journey"
        description={`Everything ${pupil.firstName} has done for their careers, newest first, by school year, as they see it on their own "My journey".`}
      >
        <p>
          <a href={routeHref({ view: 'pupil-journey', pupilId: pupil.id, filters: NO_JOURNEY_FILTERS })}>See {pupil.firstName}'s journey</a>
        </p>
      </Section>
      <FlagsSection
        pupil={pupil}
        flagErrors={record.errorsFor('flags')}
        historyErrors={record.errorsFor('flagHistory')}
        editable={current}
        onSaved={record.refetch}
      />
      <PupilProgressSections pupilId={pupil.id} pupilName={pupil.firstName} editable={current} />
      <ActivitiesSection pupil={pupil} errors={record.errorsFor('participations')} />
      <DestinationsSection pupil={pupil} errors={record.errorsFor('destinations')} />
      <ConsentSection
        pupilId={pupil.id}
        pupilName={pupil.displayName}
        consent={pupil.consent}
        errors={record.errorsFor('consent')}
        editable={current}
        onSaved={() => void record.refetch()}
      />
      <EnrolmentsSection pupil={pupil} errors={record.errorsFor('enrolments')} />

      <Section title="Comments" description="Comments from staff and from the pupil's parents or carers. The pupil can read them.">
        <SectionProblem items={record.errorsFor('comments')} what="comments" />
        {pupil.comments ? <CommentList comments={pupil.comments} emptyText="No comments yet." /> : null}
        {current ? <CommentForm onSubmit={record.addComment} hint="The pupil, and parents or carers who can see this record, will read it too." /> : null}
      </Section>
      {current ? <ParentsSection pupilId={pupil.id} pupilName={pupil.firstName} /> : null}
      {current ? <SubjectAccessSection pupilId={pupil.id} pupilName={pupil.displayName} /> : null}
    </>
  );
}
