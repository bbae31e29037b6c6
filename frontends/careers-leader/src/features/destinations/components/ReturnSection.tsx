import { request } from '@waymark/graphql-client';
import { Button, Section } from '@waymark/ui';
import { useState } from 'react';
import { downloadFile } from '../../../shared/download';
import { INTENTION_RETURN_QUERY } from '../graphql/destinations';

/** Downloads the return for the school's local authority: Year 11 plans, and the September offer in Years 11 and 12. */
export function ReturnSection() {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  const download = async () => {
    setBusy(true);
    setStatus(null);
    try {
      const { intentionReturn } = await request(INTENTION_RETURN_QUERY, {});
      if (!intentionReturn) throw new Error('The return could not be made just now. Try again.');
      downloadFile(intentionReturn.csv, intentionReturn.fileName, 'text/csv;charset=utf-8');
      const left = intentionReturn.optedOut
        ? ` ${intentionReturn.optedOut} left out because they or their parent opted out of sharing with the local authority.`
        : '';
      setStatus({ ok: true, text: `Downloaded ${intentionReturn.fileName} for ${intentionReturn.localAuthority}: ${intentionReturn.included} pupils.${left}` });
    } catch (error) {
      setStatus({ ok: false, text: error instanceof Error ? error.message : 'The return could not be made just now. Try again.' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section
      title="Return to the local authority"
      description="The plans of every pupil in Year 11 and the September offer of every pupil in Years 11 and 12, as a CSV file for your local authority. Pupils who, or whose parent, opted out of sharing are left out."
    >
      <div className="wm-button-row">
        <Button type="button" variant="secondary" disabled={busy} onClick={() => void download()}>
          {busy ? 'Preparing…' : 'Download the return'}
        </Button>
        <span role="status" className={status && !status.ok ? 'wm-field__error' : 'wm-muted'}>
          {status?.text}
        </span>
      </div>
    </Section>
  );
}
