import { SIC_SECTIONS } from '@waymark/domain';
import { useQuery } from '@waymark/graphql-client';
import { Button, ErrorPanel, Loading } from '@waymark/ui';
import { useId, useState } from 'react';
import { SuggestedVolunteersDocument, type SuggestedVolunteer } from '../graphql/requests';

const FIRST = 20;
const MOST = 50;

const who = (volunteer: SuggestedVolunteer) =>
  `${volunteer.displayName}, ${volunteer.jobTitle}${volunteer.employerName ? ` at ${volunteer.employerName}` : ''}`;

/**
 * On an open request: the volunteers whose profile fits it and who have not offered yet, best first
 * (your own former pupils, then sectors in common). Loaded only when the leader opens the list.
 */
export function SuggestedVolunteers({ requestId }: { requestId: string }) {
  const [open, setOpen] = useState(false);
  const [first, setFirst] = useState(FIRST);
  const listId = useId();
  const headingId = useId();
  const query = useQuery(SuggestedVolunteersDocument, { requestId, first }, { skip: !open });
  const answer = query.data?.suggestedVolunteers ?? null;
  const volunteers = answer?.volunteers ?? [];

  return (
    <div className="wm-suggested-volunteers">
      <h4 id={headingId}>Volunteers who could help</h4>
      <p className="wm-muted">
        Volunteers whose profile fits this request and who can get to it. They can already see the request and offer to help; their offers appear with this
        request.
      </p>
      <Button variant="secondary" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((was) => !was)}>
        {open ? 'Hide volunteers who could help' : 'Show volunteers who could help'}
      </Button>
      <div id={listId} hidden={!open}>
        {open && query.loading && !answer ? <Loading label="Looking for volunteers…" /> : null}
        {open && query.error ? (
          <ErrorPanel title="Volunteers who could help could not be loaded" headingLevel={3} onRetry={() => void query.refetch()}>
            {query.error.message}
          </ErrorPanel>
        ) : null}
        {open && answer && answer.total === 0 ? <p>No volunteers fit this request yet, apart from any who have offered already.</p> : null}
        {open && volunteers.length > 0 ? (
          <>
            <p>
              {answer!.total === volunteers.length
                ? `${answer!.total} ${answer!.total === 1 ? 'volunteer fits' : 'volunteers fit'} this request.`
                : `Showing the best ${volunteers.length} of ${answer!.total} volunteers who fit this request.`}
            </p>
            <ul className="wm-card-list" aria-labelledby={headingId}>
              {volunteers.map((volunteer) => (
                <li key={volunteer.id}>
                  <p>
                    <strong>{who(volunteer)}</strong>
                  </p>
                  <ul>
                    {volunteer.alumnus ? <li>A former pupil of your school{volunteer.leftSchoolYear ? `, left in ${volunteer.leftSchoolYear}` : ''}</li> : null}
                    {volunteer.worksWithSchool ? <li>Already volunteers with your school</li> : null}
                    {volunteer.sectorsInCommon.length > 0 ? <li>Works in: {volunteer.sectorsInCommon.map((s) => SIC_SECTIONS[s]).join('; ')}</li> : null}
                  </ul>
                </li>
              ))}
            </ul>
            {answer!.total > volunteers.length && first < MOST ? (
              <Button variant="secondary" onClick={() => setFirst(MOST)} disabled={query.loading}>
                Show up to {MOST}
              </Button>
            ) : null}
          </>
        ) : null}
      </div>
    </div>
  );
}
