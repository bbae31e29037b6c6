import { request, useQuery } from '@waymark/graphql-client';
import { Button, ConfirmDialog, DataTable, DateText, ErrorPanel, ErrorSummary, Loading, Notice, PageHeader, Section, type ErrorSummaryItem } from '@waymark/ui';
import { useState } from 'react';
import { GRANT_PUPIL_LEVEL_ACCESS_MUTATION, TRUST_ANALYSTS_QUERY, WITHDRAW_PUPIL_LEVEL_ACCESS_MUTATION, type TrustAnalyst } from '../graphql/pupilLevelAccess';

type Change = { kind: 'grant' | 'withdraw'; analyst: TrustAnalyst };

/** When a change to someone's access applies, in the words every notice and dialog uses. */
const WHEN = 'It applies from their next page in Waymark. They do not need to sign out and in again.';

function LastChange({ analyst }: { analyst: TrustAnalyst }) {
  const change = analyst.lastChange;
  if (!change) return <>{analyst.pupilLevelAccess ? 'No record of who gave it or when' : 'Never given here'}</>;
  return (
    <>
      {change.granted ? 'Given' : 'Taken away'} by {change.changedByName} on <DateText value={change.changedAt} />
    </>
  );
}

/**
 * For trust analysts: the trust's analysts, whether each can see pupil-level data, and who last gave
 * or took it away and when. An analyst who has it can give it to, or take it from, the others (never
 * themself), after a confirmation (docs/security.md, "Pupil-level access for trust analysts").
 */
export function PupilLevelAccessPage() {
  const query = useQuery(TRUST_ANALYSTS_QUERY);
  const analysts = query.data?.trustAnalysts ?? null;
  const [problems, setProblems] = useState<ErrorSummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Change | null>(null);
  const [asking, setAsking] = useState<Change | null>(null);

  const youMayChange = analysts?.some((analyst) => analyst.you && analyst.pupilLevelAccess) ?? false;
  const holders = (analysts ?? []).filter((analyst) => analyst.pupilLevelAccess && !analyst.you).map((analyst) => analyst.displayName);

  const fail = (message: string) => {
    setProblems([{ message }]);
    setAttempt((count) => count + 1);
  };

  const confirm = async () => {
    if (!asking) return;
    const { kind, analyst } = asking;
    const notDone = kind === 'grant' ? 'Access was not given. Try again.' : 'Access was not taken away. Try again.';
    setBusy(true);
    setOutcome(null);
    try {
      const input = { input: { accountId: analyst.accountId } };
      const result =
        kind === 'grant'
          ? (await request(GRANT_PUPIL_LEVEL_ACCESS_MUTATION, input)).grantPupilLevelAccess
          : (await request(WITHDRAW_PUPIL_LEVEL_ACCESS_MUTATION, input)).withdrawPupilLevelAccess;
      if (result.error || !result.analyst) fail(result.error?.message ?? notDone);
      else {
        setProblems([]);
        setOutcome({ kind, analyst: result.analyst });
      }
    } catch (error) {
      fail(error instanceof Error ? error.message : notDone);
    } finally {
      setBusy(false);
      setAsking(null);
      await query.refetch();
    }
  };

  return (
    <>
      <PageHeader
        title="Pupil-level access"
        description="Analysts see your trust's figures. With pupil-level access they can also see individual pupils at every school in the trust. Give it only to analysts who need it for their work."
      />
      <ErrorSummary items={problems} attempt={attempt} />
      {outcome?.kind === 'grant' ? (
        <Notice title={`${outcome.analyst.displayName} now has pupil-level access`} headingLevel={2}>
          <p>{WHEN}</p>
        </Notice>
      ) : null}
      {outcome?.kind === 'withdraw' ? (
        <Notice title={`${outcome.analyst.displayName} no longer has pupil-level access`} headingLevel={2}>
          <p>{WHEN} They still see your trust's figures.</p>
        </Notice>
      ) : null}

      <Section title="Your trust's analysts">
        {query.loading && !analysts ? <Loading label="Loading your trust's analysts…" /> : null}
        {query.error && !analysts ? (
          <ErrorPanel title="Your trust's analysts could not be loaded" headingLevel={3} onRetry={() => void query.refetch()}>
            {query.error.message}
          </ErrorPanel>
        ) : null}
        {analysts && !youMayChange ? (
          <p>
            Only an analyst who has pupil-level access can give it to someone or take it away.
            {holders.length > 0 ? ` Ask ${holders.join(' or ')} if someone needs it.` : ''}
          </p>
        ) : null}
        {analysts && youMayChange ? <p>You can give access to the other analysts, or take it away. Nobody can change their own.</p> : null}
        {analysts ? (
          <DataTable
            caption="Analysts and their pupil-level access"
            captionHidden
            rows={analysts}
            rowKey={(analyst) => analyst.accountId}
            emptyText="Your trust has no analysts on Waymark."
            columns={[
              {
                key: 'name',
                header: 'Analyst',
                rowHeader: true,
                render: (analyst) => (
                  <>
                    {analyst.you ? `${analyst.displayName} (you)` : analyst.displayName}
                    <span className="wm-analyst-email">{analyst.email}</span>
                  </>
                ),
              },
              {
                key: 'access',
                header: 'Pupil-level access',
                render: (analyst) => (
                  <>
                    <strong>{analyst.pupilLevelAccess ? 'Yes' : 'No'}</strong>
                    <br />
                    <LastChange analyst={analyst} />
                    {youMayChange && !analyst.you ? (
                      <span className="wm-analyst-action">
                        <Button
                          variant="secondary"
                          disabled={busy}
                          onClick={() => setAsking({ kind: analyst.pupilLevelAccess ? 'withdraw' : 'grant', analyst })}
                        >
                          {analyst.pupilLevelAccess ? 'Withdraw' : 'Grant'}
                          <span className="wm-visually-hidden"> pupil-level access for {analyst.displayName}</span>
                        </Button>
                      </span>
                    ) : null}
                  </>
                ),
              },
            ]}
          />
        ) : null}
      </Section>

      <ConfirmDialog
        open={asking?.kind === 'grant'}
        title={`Give ${asking?.analyst.displayName ?? ''} pupil-level access?`}
        confirmLabel={busy ? 'Giving access…' : 'Yes, give access'}
        cancelLabel="No, cancel"
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(null)}
      >
        <p>At every school in your trust, they will be able to see:</p>
        <ul>
          <li>pupils' names and records, including their activities, benchmarks and destinations</li>
          <li>which vulnerable or target groups each pupil is in, such as SEN support, free school meals or looked after</li>
          <li>the list of pupils behind each benchmark figure</li>
          <li>exact figures for small groups of pupils, which others see rounded to the nearest 5</li>
        </ul>
        <p>{WHEN} Your name and today's date are kept with the change, and any analyst who has access can take it away.</p>
      </ConfirmDialog>

      <ConfirmDialog
        open={asking?.kind === 'withdraw'}
        title={`Take away ${asking?.analyst.displayName ?? ''}'s pupil-level access?`}
        confirmLabel={busy ? 'Taking access away…' : 'Yes, take it away'}
        cancelLabel="No, keep it"
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(null)}
      >
        <p>
          They will see your trust's figures only, with small groups rounded to the nearest 5, and no pupil's name or record. {WHEN} Your name and today's date
          are kept with the change.
        </p>
      </ConfirmDialog>
    </>
  );
}
