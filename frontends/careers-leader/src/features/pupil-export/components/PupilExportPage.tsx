import { checkUpn } from '@waymark/domain';
import { GraphQLRequestError, request } from '@waymark/graphql-client';
import { Button, ErrorSummary, Field, PageHeader, Section, SummaryList, type ErrorSummaryItem } from '@waymark/ui';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { SubjectAccessSection } from '../../subject-access/components/SubjectAccessSection';
import { PUPIL_BY_UPN_QUERY } from '../graphql/pupilExport';

const UPN_ID = 'pupil-export-upn';
const FOUND_HEADING_ID = 'pupil-export-found';

interface FoundPupil {
  id: string;
  name: string;
  upn: string;
}

/**
 * A pupil's subject access request, for the careers leader or the data protection lead (who cannot
 * open pupils' records): type the pupil's UPN, check the name Waymark finds at the school, then
 * download everything Waymark holds about them, as the pupil's record page gives it. Only a pupil at
 * the school is found; the download is recorded in the data access log.
 */
export function PupilExportPage() {
  const [upn, setUpn] = useState('');
  const [found, setFound] = useState<FoundPupil | null>(null);
  const [problems, setProblems] = useState<ErrorSummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const foundFor = useRef<string | null>(null);

  const fail = (items: ErrorSummaryItem[]) => {
    setFound(null);
    setProblems(items);
    setAttempt((count) => count + 1);
  };

  const find = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const wanted = upn.trim().toUpperCase();
    const problem = checkUpn(wanted);
    if (problem === 'check-letter') return fail([{ message: "That UPN's letter does not match its digits. Check it and try again.", targetId: UPN_ID }]);
    if (problem) return fail([{ message: 'Enter the UPN: a letter then 12 digits, like A123456789012', targetId: UPN_ID }]);
    setBusy(true);
    try {
      const { pupilByUpn } = await request(PUPIL_BY_UPN_QUERY, { upn: wanted });
      if (!pupilByUpn) return fail([{ message: 'No pupil at your school has that UPN. Check it and try again.', targetId: UPN_ID }]);
      setProblems([]);
      foundFor.current = wanted;
      setFound({ id: pupilByUpn.id, name: pupilByUpn.displayName, upn: wanted });
    } catch (error) {
      const notFound = error instanceof GraphQLRequestError && error.codes.includes('NOT_FOUND');
      fail([
        notFound
          ? { message: 'No pupil at your school has that UPN. Check it and try again.', targetId: UPN_ID }
          : { message: error instanceof Error ? error.message : 'The pupil could not be looked up. Try again.' },
      ]);
    } finally {
      setBusy(false);
    }
  };

  // Once a pupil is found, keyboard and screen reader users start from their name.
  useEffect(() => {
    if (found) document.getElementById(FOUND_HEADING_ID)?.focus();
  }, [found]);

  const upnError = problems.find((item) => item.targetId === UPN_ID)?.message;

  return (
    <>
      <PageHeader
        title="Export a pupil's data"
        description="When a pupil, or their parent or carer, asks for the data Waymark holds about the pupil, find the pupil by their UPN, check the name, then download it. Only pupils at your school are found."
      />
      <Section title="Find the pupil">
        <ErrorSummary items={problems} attempt={attempt} />
        <form noValidate onSubmit={(event) => void find(event)} aria-label="Find the pupil by UPN">
          <Field
            id={UPN_ID}
            label="The pupil's UPN"
            hint="Their unique pupil number, as in your school's records: a letter then 12 digits."
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            narrow
            value={upn}
            error={upnError}
            onChange={(event) => {
              setUpn(event.target.value);
              // Never offer one pupil's download under a UPN that now names someone else.
              if (found && event.target.value.trim().toUpperCase() !== foundFor.current) setFound(null);
            }}
          />
          <div className="wm-button-row">
            <Button type="submit" disabled={busy}>
              {busy ? 'Finding the pupil…' : 'Find the pupil'}
            </Button>
          </div>
        </form>
      </Section>
      {found ? (
        <>
          <Section title="Check this is the pupil" headingId={FOUND_HEADING_ID}>
            <SummaryList
              items={[
                { term: 'Name', value: found.name },
                { term: 'UPN', value: found.upn },
              ]}
            />
          </Section>
          <SubjectAccessSection key={found.id} upn={found.upn} pupilName={found.name} />
        </>
      ) : null}
    </>
  );
}
