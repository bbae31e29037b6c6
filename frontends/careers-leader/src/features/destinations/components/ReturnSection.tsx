import { request } from '@waymark/graphql-client';
import { Button, DataTable, ErrorPanel, Loading, Section, type Column } from '@waymark/ui';
import { useState } from 'react';
import { downloadFile } from '../../../shared/download';
import { INTENTION_RETURN_QUERY, type ReturnAuthority } from '../graphql/destinations';
import { useReturnAuthorities } from '../hooks/useDestinations';

const pupils = (count: number) => `${count} ${count === 1 ? 'pupil' : 'pupils'}`;

/**
 * The returns to the local authorities: one per authority the school's Year 11 and 12 pupils live in
 * (Year 11 plans, and the September offer in Years 11 and 12), each a CSV download. Pupils with no home
 * local authority recorded are in the school's own authority's return; the section says how many.
 */
export function ReturnSection() {
  const authorities = useReturnAuthorities();
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const answer = authorities.data?.intentionReturnAuthorities ?? null;
  const own = answer?.authorities.find((authority) => authority.schoolsOwn);

  const download = async (authority: ReturnAuthority) => {
    const key = authority.code ?? '';
    setBusy(key);
    setStatus(null);
    try {
      const { intentionReturn } = await request(INTENTION_RETURN_QUERY, { localAuthorityCode: authority.code });
      if (!intentionReturn) throw new Error('The return could not be made just now. Try again.');
      downloadFile(intentionReturn.csv, intentionReturn.fileName, 'text/csv;charset=utf-8');
      const left = intentionReturn.optedOut
        ? ` ${intentionReturn.optedOut} left out because they or their parent opted out of sharing with the local authority.`
        : '';
      setStatus({
        ok: true,
        text: `Downloaded ${intentionReturn.fileName} for ${intentionReturn.localAuthority}: ${pupils(intentionReturn.included)}.${left}`,
      });
    } catch (error) {
      setStatus({ ok: false, text: error instanceof Error ? error.message : 'The return could not be made just now. Try again.' });
    } finally {
      setBusy(null);
    }
  };

  const columns: Column<ReturnAuthority>[] = [
    {
      key: 'authority',
      header: 'Local authority',
      rowHeader: true,
      render: (authority) => (authority.schoolsOwn ? `${authority.name} (your school's)` : authority.name),
    },
    { key: 'included', header: 'Pupils in the return', numeric: true, render: (authority) => authority.included },
    { key: 'optedOut', header: 'Opted out', numeric: true, render: (authority) => authority.optedOut },
    {
      key: 'download',
      header: 'Return',
      render: (authority) => (
        <Button type="button" variant="secondary" disabled={busy !== null} onClick={() => void download(authority)}>
          {busy === (authority.code ?? '') ? 'Preparing…' : `Download for ${authority.name}`}
        </Button>
      ),
    },
  ];

  return (
    <Section
      title="Returns to local authorities"
      description="Each local authority gets the plans of its Year 11 pupils and the September offer of its Year 11 and 12 pupils: those who live there. Pupils who, or whose parent, opted out of sharing are left out."
    >
      {authorities.loading && !answer ? <Loading label="Loading where your pupils live…" /> : null}
      {!authorities.loading && !answer ? (
        <ErrorPanel title="The local authorities could not be loaded" headingLevel={3} onRetry={() => void authorities.refetch()}>
          {authorities.error?.message ?? 'Try again later.'}
        </ErrorPanel>
      ) : null}
      {answer ? (
        <>
          {answer.homeNotRecorded > 0 ? (
            <p className="wm-inset" role="note">
              {answer.homeNotRecorded === 1 ? '1 pupil has' : `${answer.homeNotRecorded} pupils have`} no home local authority recorded, so{' '}
              {answer.homeNotRecorded === 1 ? 'they are' : 'they are all'} in the return for {own?.name ?? 'your school’s local authority'}. Add a Home LA
              column (the three-digit code) to your next roster import, or record it on each pupil’s record.
            </p>
          ) : null}
          <DataTable
            caption="Local authorities your Year 11 and 12 pupils live in"
            columns={columns}
            rows={answer.authorities}
            rowKey={(authority) => authority.code ?? authority.name}
            emptyText="You have no pupils in Year 11 or Year 12."
          />
          <p role="status" className={status && !status.ok ? 'wm-field__error' : 'wm-muted'}>
            {status?.text}
          </p>
        </>
      ) : null}
    </Section>
  );
}
