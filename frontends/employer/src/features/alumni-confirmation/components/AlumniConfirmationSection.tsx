import { useQuery } from '@waymark/graphql-client';
import { ErrorPanel, Loading, Section } from '@waymark/ui';
import { MyAlumniConfirmationDocument } from '../graphql/alumniConfirmation';

/**
 * For a former pupil who signed up: whether the school they named has confirmed they were a pupil
 * there, and the school's message (always shown when they declined). Loads and fails on its own.
 */
export function AlumniConfirmationSection() {
  const query = useQuery(MyAlumniConfirmationDocument);
  const answer = query.data?.myAlumniConfirmation ?? null;
  if (query.loading && !answer) return <Loading label="Loading your school’s answer…" />;
  if (query.error)
    return (
      <ErrorPanel title="Your school’s answer could not be loaded" onRetry={() => void query.refetch()}>
        {query.error.message}
      </ErrorPanel>
    );
  if (!answer) return null;
  const school = answer.schoolNameGiven;
  return (
    <Section title="Your school">
      {answer.status === 'AWAITING' ? (
        <p>
          We have asked {school} to confirm you were a pupil there. Until they do, you will not be offered to their pupils. You can still fill in your profile.
        </p>
      ) : null}
      {answer.status === 'CONFIRMED' ? (
        <p>{school} has confirmed you were a pupil there. You can now volunteer with them and be a role model to their pupils.</p>
      ) : null}
      {answer.status === 'DECLINED' ? (
        <p>{school} could not confirm you were a pupil there, so you will not be offered to their pupils. If you think this is wrong, contact the school.</p>
      ) : null}
      {answer.message ? (
        <p>
          Their message: <q>{answer.message}</q>
        </p>
      ) : null}
    </Section>
  );
}
