import { request, useQuery } from '@waymark/graphql-client';
import { Button, ConfirmDialog, DataTable, ErrorPanel, ErrorSummary, Field, Loading, Notice, PageHeader, Section, type ErrorSummaryItem } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import {
  DATA_PROTECTION_LEADS_QUERY,
  GRANT_DATA_PROTECTION_LEAD_MUTATION,
  REMOVE_DATA_PROTECTION_LEAD_MUTATION,
  type DataProtectionLead,
} from '../graphql/dataProtectionLeads';

const EMAIL_ID = 'data-protection-lead-email';

type Outcome = { kind: 'named' | 'removed'; name: string };

/**
 * For the careers leader: who at the school holds the data protection lead's role (reading the data
 * access log and making subject-access exports, nothing else), naming another member of staff by the
 * email they sign in with, and taking the role away after a confirmation.
 */
export function DataProtectionLeadsPage() {
  const query = useQuery(DATA_PROTECTION_LEADS_QUERY);
  const leads = query.data?.dataProtectionLeads ?? null;
  const [email, setEmail] = useState('');
  const [problems, setProblems] = useState<ErrorSummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [removing, setRemoving] = useState<DataProtectionLead | null>(null);

  const fail = (items: ErrorSummaryItem[]) => {
    setProblems(items);
    setAttempt((count) => count + 1);
  };

  const name = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!email.trim()) return fail([{ message: 'Enter the email address they sign in with', targetId: EMAIL_ID }]);
    setBusy(true);
    setOutcome(null);
    try {
      const { grantDataProtectionLead: result } = await request(GRANT_DATA_PROTECTION_LEAD_MUTATION, { input: { email: email.trim() } });
      if (result.error || !result.lead) {
        const message = result.error?.message ?? 'The role was not given. Try again.';
        fail([{ message, targetId: result.error?.fields.some((field) => field.field === 'email') ? EMAIL_ID : undefined }]);
      } else {
        setProblems([]);
        setOutcome({ kind: 'named', name: result.lead.displayName });
        setEmail('');
        await query.refetch();
      }
    } catch (error) {
      fail([{ message: error instanceof Error ? error.message : 'The role was not given. Try again.' }]);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    setOutcome(null);
    try {
      const { removeDataProtectionLead: result } = await request(REMOVE_DATA_PROTECTION_LEAD_MUTATION, { input: { accountId: removing.accountId } });
      if (result.error) fail([{ message: result.error.message }]);
      else {
        setProblems([]);
        setOutcome({ kind: 'removed', name: removing.displayName });
        await query.refetch();
      }
    } catch (error) {
      fail([{ message: error instanceof Error ? error.message : 'The role was not taken away. Try again.' }]);
    } finally {
      setBusy(false);
      setRemoving(null);
    }
  };

  const emailError = problems.find((item) => item.targetId === EMAIL_ID)?.message;

  return (
    <>
      <PageHeader
        title="Data protection leads"
        description="A data protection lead can read your school's data access log and download the data Waymark holds about a person who asks for it. They see nothing else: no pupil lists, records or dashboards. As careers leader you can always do both yourself."
      />
      {outcome?.kind === 'named' ? (
        <Notice title={`${outcome.name} is now a data protection lead`} headingLevel={2}>
          <p>They see the data access log and subject access requests the next time they open Waymark.</p>
        </Notice>
      ) : null}
      {outcome?.kind === 'removed' ? (
        <Notice title={`${outcome.name} is no longer a data protection lead`} headingLevel={2}>
          <p>From their next page, they can no longer read the data access log or download anyone's data. Their account stays, with any other role.</p>
        </Notice>
      ) : null}

      <Section title="Your school's data protection leads">
        {query.loading && !leads ? <Loading label="Loading your school's data protection leads…" /> : null}
        {query.error && !leads ? (
          <ErrorPanel title="The data protection leads could not be loaded" headingLevel={3} onRetry={() => void query.refetch()}>
            {query.error.message}
          </ErrorPanel>
        ) : null}
        {leads ? (
          <DataTable
            caption="Data protection leads"
            captionHidden
            rows={leads}
            rowKey={(lead) => lead.accountId}
            emptyText="Nobody at your school has the role yet."
            columns={[
              { key: 'name', header: 'Name', rowHeader: true, render: (lead) => (lead.you ? `${lead.displayName} (you)` : lead.displayName) },
              { key: 'email', header: 'Email', render: (lead) => lead.email },
              {
                key: 'remove',
                header: <span className="wm-visually-hidden">Actions</span>,
                render: (lead) => (
                  <Button variant="secondary" onClick={() => setRemoving(lead)} disabled={busy}>
                    Remove<span className="wm-visually-hidden"> {lead.displayName}</span>
                  </Button>
                ),
              },
            ]}
          />
        ) : null}
      </Section>

      <Section
        title="Name a data protection lead"
        description="Give the role to a member of staff who already has a Waymark account at your school. Your school can have more than one."
      >
        <ErrorSummary items={problems} attempt={attempt} />
        <form noValidate onSubmit={(event) => void name(event)} aria-label="Name a data protection lead">
          <Field
            id={EMAIL_ID}
            label="Their email address"
            hint="The email they sign in to Waymark with."
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={email}
            error={emailError}
            onChange={(event) => setEmail(event.target.value)}
          />
          <Button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Make them a data protection lead'}
          </Button>
        </form>
      </Section>

      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.displayName ?? ''} as a data protection lead?`}
        confirmLabel={busy ? 'Removing…' : 'Yes, remove the role'}
        cancelLabel="No, keep them"
        busy={busy}
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
      >
        <p>
          {removing?.you
            ? 'You keep the same powers as careers leader.'
            : `${removing?.displayName ?? 'They'} will no longer be able to read the data access log or download anyone's data. Their account stays, with any other role.`}
        </p>
      </ConfirmDialog>
    </>
  );
}
