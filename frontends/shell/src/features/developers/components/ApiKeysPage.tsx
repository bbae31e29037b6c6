import { RevokeTrustApiKeyDocument, TrustApiKeysDocument, useMutation, useQuery, type TrustApiKeysQuery } from '@waymark/graphql-client';
import { Button, ConfirmDialog, DataTable, DateText, ErrorPanel, Loading, Notice, PageHeader, Section, formatNumber, type Column } from '@waymark/ui';
import { useState } from 'react';
import { errorShare } from '../apiKeyForm';
import { NewApiKeySection } from './NewApiKeySection';

type ApiKey = NonNullable<TrustApiKeysQuery['apiCredentials']>[number];

/**
 * "API keys", for trust analysts: the trust's keys and how much each is used (requests, errors, last
 * used), making a key and revoking one. The developer documentation is at /developers.
 */
export function ApiKeysPage() {
  const { data, error, loading, refetch } = useQuery(TrustApiKeysDocument);
  const [revokeKey, revoking] = useMutation(RevokeTrustApiKeyDocument);
  const [confirming, setConfirming] = useState<ApiKey | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const refresh = () => void refetch();

  const revoke = async (key: ApiKey) => {
    setFailure(null);
    setRevoked(null);
    const { data: answer, error: problem } = await revokeKey({ id: key.id });
    setConfirming(null);
    const result = answer?.revokeApiCredential;
    if (problem || !result || result.error) {
      setFailure(problem?.message ?? result?.error?.message ?? 'The key was not revoked. Try again.');
      return;
    }
    setRevoked(key.name);
    refresh();
  };

  const columns: Column<ApiKey>[] = [
    { key: 'name', header: 'Key', rowHeader: true, render: (key) => key.name },
    { key: 'scopes', header: 'May', render: (key) => key.scopes.join(', ') },
    {
      key: 'status',
      header: 'Status',
      render: (key) =>
        key.revokedAt ? (
          <>
            Revoked <DateText value={key.revokedAt} />
          </>
        ) : (
          <>
            Made <DateText value={key.createdAt} />
          </>
        ),
    },
    { key: 'lastUsed', header: 'Last used', render: (key) => (key.lastUsedAt ? <DateText value={key.lastUsedAt} /> : 'Never') },
    { key: 'requests', header: 'Requests', numeric: true, render: (key) => formatNumber(key.requestCount) },
    { key: 'errors', header: 'Errors', numeric: true, render: (key) => errorShare(key.errorCount, key.requestCount) },
    {
      key: 'action',
      header: 'Action',
      render: (key) =>
        key.revokedAt ? null : (
          // A label rather than hidden text: an absolutely placed hidden span escapes the table's own scrolling and widens the page.
          <Button variant="secondary" onClick={() => setConfirming(key)} disabled={revoking.loading} aria-label={`Revoke ${key.name}`}>
            Revoke
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys let your trust's own systems read its figures and update rosters through Waymark's API. Usage counts can be up to a minute behind."
      />
      <p>
        <a href="/developers">Read the developer documentation</a> for what each key can do and how to use it.
      </p>
      <NewApiKeySection onCreated={refresh} />
      <Section title="Your trust's keys" description="How much each key has been used. A high share of errors usually means a system needs fixing.">
        {failure ? (
          <ErrorPanel title="The key was not revoked" headingLevel={3}>
            {failure}
          </ErrorPanel>
        ) : null}
        {revoked ? (
          <Notice title={`${revoked} has been revoked`} headingLevel={3}>
            It stopped working at once.
          </Notice>
        ) : null}
        {loading && !data ? <Loading label="Loading your trust's keys…" /> : null}
        {error && !data?.apiCredentials ? (
          <ErrorPanel title="The keys could not be loaded" headingLevel={3} onRetry={refresh}>
            {error.message}
          </ErrorPanel>
        ) : null}
        {data?.apiCredentials ? (
          <DataTable
            caption="API keys and their usage"
            captionHidden
            columns={columns}
            rows={data.apiCredentials}
            rowKey={(key) => key.id}
            emptyText="No keys yet."
          />
        ) : null}
      </Section>
      <ConfirmDialog
        open={confirming !== null}
        title={`Revoke ${confirming?.name ?? 'this key'}?`}
        confirmLabel="Revoke key"
        busy={revoking.loading}
        onConfirm={() => {
          if (confirming) void revoke(confirming);
        }}
        onCancel={() => setConfirming(null)}
      >
        <p>Any system using this key stops working at once. This cannot be undone: make a new key instead.</p>
      </ConfirmDialog>
    </>
  );
}
