import { request, useQuery } from '@waymark/graphql-client';
import {
  Button,
  Checkbox,
  ConfirmDialog,
  DataTable,
  DateText,
  ErrorPanel,
  ErrorSummary,
  Field,
  Fieldset,
  Loading,
  Notice,
  PageHeader,
  Section,
  type ErrorSummaryItem,
} from '@waymark/ui';
import { useId, useState, type SubmitEvent } from 'react';
import {
  DELETE_WEBHOOK_ENDPOINT_MUTATION,
  DISABLE_WEBHOOK_ENDPOINT_MUTATION,
  EVENT_CHOICES,
  REGISTER_WEBHOOK_ENDPOINT_MUTATION,
  ROTATE_WEBHOOK_SECRET_MUTATION,
  WEBHOOK_DELIVERIES_QUERY,
  WEBHOOK_ENDPOINTS_QUERY,
  type WebhookDelivery,
  type WebhookEndpoint,
} from '../graphql/webhooks';

const STATUS_TEXT: Record<string, string> = {
  PENDING: 'Waiting to be sent',
  DELIVERED: 'Delivered',
  FAILED: 'Gave up',
  CANCELLED: 'Not sent (endpoint turned off)',
};

/** The newest deliveries of one endpoint: what was sent, whether it arrived, and when Waymark tries again. */
function Deliveries({ endpoint }: { endpoint: WebhookEndpoint }) {
  const query = useQuery(WEBHOOK_DELIVERIES_QUERY, { endpointId: endpoint.id });
  const rows = query.data?.webhookDeliveries ?? null;
  return (
    <Section title="Recent deliveries" description={`The latest events sent to ${endpoint.url}, newest first.`}>
      {query.loading && !rows ? <Loading label="Loading deliveries…" /> : null}
      {query.error && !rows ? (
        <ErrorPanel title="The deliveries could not be loaded" headingLevel={3} onRetry={() => void query.refetch()}>
          {query.error.message}
        </ErrorPanel>
      ) : null}
      {rows ? (
        <>
          <p>
            <Button variant="secondary" onClick={() => void query.refetch()}>
              Check again
            </Button>
          </p>
          <DataTable<WebhookDelivery>
            caption={`Deliveries to ${endpoint.url}`}
            captionHidden
            rows={rows}
            rowKey={(row) => row.id}
            emptyText="Nothing has been sent to this endpoint yet."
            columns={[
              {
                key: 'event',
                header: 'Event',
                rowHeader: true,
                render: (row) => (
                  <>
                    {row.eventType}
                    <br />
                    <code style={{ overflowWrap: 'anywhere' }}>{row.eventId}</code>
                  </>
                ),
              },
              { key: 'status', header: 'Status', render: (row) => STATUS_TEXT[row.status] ?? row.status },
              { key: 'attempts', header: 'Attempts', render: (row) => row.attempts },
              {
                key: 'answer',
                header: 'Last answer',
                render: (row) => (row.lastResponseCode ? `HTTP ${row.lastResponseCode}` : row.lastError ? 'No answer' : '—'),
              },
              {
                key: 'next',
                header: 'Next try',
                render: (row) => (row.nextAttemptAt && row.status === 'PENDING' ? <DateText value={row.nextAttemptAt} /> : '—'),
              },
            ]}
          />
        </>
      ) : null}
    </Section>
  );
}

/** A secret shown once, with the address it is for. */
type ShownSecret = { url: string; secret: string };

/**
 * Registering an endpoint: its https address and the events it wants; the signing secret is shown
 * once, here (the page hides it again once another secret is shown or an endpoint changes).
 */
function RegisterSection({ onRegistered, made, setMade }: { onRegistered: () => void; made: ShownSecret | null; setMade: (made: ShownSecret | null) => void }) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [problems, setProblems] = useState<{ field: string; message: string }[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const urlId = useId();
  const eventsId = useId();
  const targetOf = (field: string) => (field === 'url' ? urlId : `${eventsId}-${EVENT_CHOICES[0].event}`);

  const fail = (found: { field: string; message: string }[]) => {
    setProblems(found);
    setAttempt((n) => n + 1);
  };

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMade(null);
    const found: { field: string; message: string }[] = [];
    if (!url.trim()) found.push({ field: 'url', message: 'Enter the address Waymark should send events to.' });
    if (events.length === 0) found.push({ field: 'events', message: 'Choose at least one event.' });
    if (found.length > 0) return fail(found);
    // The endpoint gets exactly the scopes its events need, and no more.
    const scopes = [...new Set(EVENT_CHOICES.filter((choice) => events.includes(choice.event)).map((choice) => choice.scope))];
    setBusy(true);
    try {
      const result = (await request(REGISTER_WEBHOOK_ENDPOINT_MUTATION, { input: { url: url.trim(), events, scopes } })).registerWebhookEndpoint;
      if (result.error || !result.secret || !result.endpoint) {
        const fields = (result.error?.fields ?? []).map((f) => ({ field: f.field === 'scopes' ? 'events' : f.field, message: f.message }));
        return fail(fields.length > 0 ? fields : [{ field: 'url', message: result.error?.message ?? 'The endpoint was not registered. Try again.' }]);
      }
      setProblems([]);
      setMade({ url: result.endpoint.url, secret: result.secret });
      setUrl('');
      setEvents([]);
      onRegistered();
    } catch (error) {
      fail([{ field: 'url', message: error instanceof Error ? error.message : 'The endpoint was not registered. Try again.' }]);
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const summary: ErrorSummaryItem[] = problems.map((problem) => ({ message: problem.message, targetId: targetOf(problem.field) }));

  return (
    <Section title="Register an endpoint" description="Waymark will send each event to this address, signed with a secret only you and Waymark know.">
      {made ? (
        <Notice title="Endpoint registered" headingLevel={3}>
          <p>Copy this signing secret now and keep it in your system's secret store. Waymark will not show it again.</p>
          <p>
            <code style={{ overflowWrap: 'anywhere' }}>{made.secret}</code>
          </p>
          <p>Your receiver uses it to check that each event really came from Waymark.</p>
        </Notice>
      ) : null}
      <ErrorSummary items={summary} attempt={attempt} />
      <form onSubmit={(event) => void submit(event)} noValidate aria-label="Register an endpoint">
        <Field
          id={urlId}
          label="Address"
          hint="Starts with https://, for example https://mis.yourtrust.org.uk/waymark-events"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          error={errorFor('url')}
          maxLength={2000}
        />
        <Fieldset label="Events to send" hint="Events hold ids and counts only, never a name." error={errorFor('events')}>
          {EVENT_CHOICES.map((choice) => (
            <Checkbox
              key={choice.event}
              id={`${eventsId}-${choice.event}`}
              checked={events.includes(choice.event)}
              onChange={(event) => setEvents((current) => (event.target.checked ? [...current, choice.event] : current.filter((e) => e !== choice.event)))}
              label={
                <>
                  {choice.label} (<code>{choice.event}</code>): {choice.hint}
                </>
              }
            />
          ))}
        </Fieldset>
        <Button type="submit" disabled={busy}>
          Register endpoint
        </Button>
      </form>
    </Section>
  );
}

/** What the person asked to do to one endpoint, waiting for them to confirm it. */
type EndpointAction = 'disable' | 'rotate' | 'delete';

/** The confirm step of each action: what it does, in plain words, before it is done. */
const CONFIRM: Record<EndpointAction, { title: string; confirmLabel: string; cancelLabel: string; body: (url: string) => string }> = {
  disable: {
    title: 'Turn this endpoint off?',
    confirmLabel: 'Turn off',
    cancelLabel: 'Keep it on',
    body: (url) => `Waymark will send nothing more to ${url}, and events still waiting will not be sent. To start again, register the address again.`,
  },
  rotate: {
    title: 'Give this endpoint a new signing secret?',
    confirmLabel: 'Make a new secret',
    cancelLabel: 'Keep the current secret',
    body: (url) =>
      `The current secret stops working at once, including for events still waiting to be sent to ${url}. Your receiver will refuse events until you give it the new secret, which Waymark shows only once.`,
  },
  delete: {
    title: 'Delete this endpoint?',
    confirmLabel: 'Delete endpoint',
    cancelLabel: 'Keep it',
    body: (url) =>
      `Waymark will send nothing more to ${url} and forgets what it sent there. This cannot be undone: to start again, register the address again.`,
  },
};

/** What the last action did, shown at the top of the page. */
type Outcome = { action: 'disable' | 'delete'; url: string } | { action: 'rotate'; url: string; secret: string };

/**
 * For trust analysts: the trust's webhook endpoints (docs/trust-api.md, "Webhooks"): register one,
 * see what was sent to each and whether it arrived, turn one off, give it a new signing secret, or
 * delete it. Every action that changes an endpoint asks first.
 */
export function WebhooksPage() {
  const query = useQuery(WEBHOOK_ENDPOINTS_QUERY);
  const endpoints = query.data?.webhookEndpoints ?? null;
  const [showing, setShowing] = useState<string | null>(null);
  const [asking, setAsking] = useState<{ action: EndpointAction; endpoint: WebhookEndpoint } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<ErrorSummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [registered, setRegistered] = useState<ShownSecret | null>(null);
  const shown = endpoints?.find((endpoint) => endpoint.id === showing) ?? null;

  const run = async (): Promise<Outcome> => {
    const { action, endpoint } = asking!;
    if (action === 'rotate') {
      const result = (await request(ROTATE_WEBHOOK_SECRET_MUTATION, { id: endpoint.id })).rotateWebhookSecret;
      if (result.error || !result.endpoint || !result.secret) throw new Error(result.error?.message ?? 'No new secret was made. Try again.');
      return { action, url: result.endpoint.url, secret: result.secret };
    }
    if (action === 'delete') {
      const result = (await request(DELETE_WEBHOOK_ENDPOINT_MUTATION, { id: endpoint.id })).deleteWebhookEndpoint;
      if (result.error || !result.endpoint) throw new Error(result.error?.message ?? 'The endpoint was not deleted. Try again.');
      return { action, url: result.endpoint.url };
    }
    const result = (await request(DISABLE_WEBHOOK_ENDPOINT_MUTATION, { id: endpoint.id })).disableWebhookEndpoint;
    if (result.error || !result.endpoint) throw new Error(result.error?.message ?? 'The endpoint was not turned off. Try again.');
    return { action, url: result.endpoint.url };
  };

  const confirm = async () => {
    if (!asking) return;
    setBusy(true);
    setOutcome(null);
    setRegistered(null);
    try {
      const done = await run();
      setProblems([]);
      setOutcome(done);
      if (done.action === 'delete' && showing === asking.endpoint.id) setShowing(null);
    } catch (error) {
      setProblems([{ message: error instanceof Error ? error.message : 'That did not work. Try again.' }]);
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
      setAsking(null);
      await query.refetch();
    }
  };

  const ask = (action: EndpointAction, endpoint: WebhookEndpoint) => {
    setOutcome(null);
    setAsking({ action, endpoint });
  };
  const confirmText = asking ? CONFIRM[asking.action] : CONFIRM.disable;

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Let your trust's own systems hear about changes in Waymark as they happen, instead of asking for them. Waymark sends only events about your trust's schools."
      />
      <ErrorSummary items={problems} attempt={attempt} />
      {outcome?.action === 'disable' ? (
        <Notice title="Endpoint turned off" headingLevel={2}>
          <p>Waymark sends nothing more to {outcome.url}. Events that were waiting will not be sent.</p>
        </Notice>
      ) : null}
      {outcome?.action === 'delete' ? (
        <Notice title="Endpoint deleted" headingLevel={2}>
          <p>Waymark sends nothing more to {outcome.url}, and its deliveries are gone.</p>
        </Notice>
      ) : null}
      {outcome?.action === 'rotate' ? (
        <Notice title="New signing secret made" headingLevel={2}>
          <p>
            Copy this secret for {outcome.url} now and put it in your receiver in place of the old one. Waymark will not show it again, and the old one no
            longer works.
          </p>
          <p>
            <code style={{ overflowWrap: 'anywhere' }}>{outcome.secret}</code>
          </p>
        </Notice>
      ) : null}

      <Section title="Your endpoints">
        {query.loading && !endpoints ? <Loading label="Loading your endpoints…" /> : null}
        {query.error && !endpoints ? (
          <ErrorPanel title="Your endpoints could not be loaded" headingLevel={3} onRetry={() => void query.refetch()}>
            {query.error.message}
          </ErrorPanel>
        ) : null}
        {endpoints ? (
          <DataTable<WebhookEndpoint>
            caption="Your trust's webhook endpoints"
            captionHidden
            rows={endpoints}
            rowKey={(endpoint) => endpoint.id}
            emptyText="Your trust has no webhook endpoints yet."
            columns={[
              {
                key: 'url',
                header: 'Address',
                rowHeader: true,
                render: (endpoint) => <span style={{ overflowWrap: 'anywhere' }}>{endpoint.url}</span>,
              },
              { key: 'events', header: 'Events', render: (endpoint) => endpoint.events.join(', ') },
              {
                key: 'state',
                header: 'Status',
                render: (endpoint) =>
                  endpoint.disabledAt ? (
                    <>
                      Turned off on <DateText value={endpoint.disabledAt} />
                    </>
                  ) : (
                    'On'
                  ),
              },
              {
                key: 'actions',
                header: 'Actions',
                render: (endpoint) => (
                  <div className="wm-button-row">
                    <Button
                      variant="secondary"
                      aria-expanded={showing === endpoint.id}
                      onClick={() => setShowing(showing === endpoint.id ? null : endpoint.id)}
                    >
                      {showing === endpoint.id ? 'Hide deliveries' : 'See deliveries'}
                      <span className="wm-visually-hidden"> for {endpoint.url}</span>
                    </Button>
                    {endpoint.disabledAt ? null : (
                      <>
                        <Button variant="secondary" disabled={busy} onClick={() => ask('rotate', endpoint)}>
                          New secret<span className="wm-visually-hidden"> for {endpoint.url}</span>
                        </Button>
                        <Button variant="secondary" disabled={busy} onClick={() => ask('disable', endpoint)}>
                          Turn off<span className="wm-visually-hidden"> {endpoint.url}</span>
                        </Button>
                      </>
                    )}
                    <Button variant="secondary" disabled={busy} onClick={() => ask('delete', endpoint)}>
                      Delete<span className="wm-visually-hidden"> {endpoint.url}</span>
                    </Button>
                  </div>
                ),
              },
            ]}
          />
        ) : null}
      </Section>

      {shown ? <Deliveries endpoint={shown} /> : null}

      <RegisterSection
        made={registered}
        setMade={(made) => {
          setRegistered(made);
          if (made) setOutcome(null);
        }}
        onRegistered={() => void query.refetch()}
      />

      <ConfirmDialog
        open={asking !== null}
        title={confirmText.title}
        confirmLabel={confirmText.confirmLabel}
        cancelLabel={confirmText.cancelLabel}
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(null)}
      >
        <p>{asking ? confirmText.body(asking.endpoint.url) : null}</p>
      </ConfirmDialog>
    </>
  );
}
