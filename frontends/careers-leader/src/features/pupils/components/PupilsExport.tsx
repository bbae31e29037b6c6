import { request, required } from '@waymark/graphql-client';
import { Button, formatNumber } from '@waymark/ui';
import { useState } from 'react';
import { downloadFile, todayIso } from '../../../shared/download';
import { fetchAllPages } from '../../benchmarks/lib/fetchAll';
import { pupilsRequest, type PupilFilters } from '../graphql/pupils';
import { pupilsCsv, pupilsFileName } from '../lib/pupilList';

// The largest page the list gives, so a school's roll comes in a few requests.
const EXPORT_PAGE_SIZE = 200;

type State =
  | { status: 'idle' }
  | { status: 'fetching'; loaded: number; total: number | null }
  | { status: 'done'; fileName: string; count: number }
  | { status: 'error'; message: string };

/** Every pupil matching the filters (all pages, not only those loaded on the page) as a CSV file. */
export function PupilsExport({ filters, total }: { filters: PupilFilters; total: number | null }) {
  const [state, setState] = useState<State>({ status: 'idle' });

  const run = async () => {
    setState({ status: 'fetching', loaded: 0, total });
    try {
      const rows = await fetchAllPages(
        async (after) => {
          const { document, variables } = pupilsRequest(filters, EXPORT_PAGE_SIZE, after);
          return required((await request(document, variables)).pupils);
        },
        (loaded, of) => setState({ status: 'fetching', loaded, total: of }),
      );
      const fileName = pupilsFileName(filters, todayIso());
      downloadFile(pupilsCsv(rows), fileName, 'text/csv;charset=utf-8');
      setState({ status: 'done', fileName, count: rows.length });
    } catch (error) {
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="wm-download">
      <Button variant="secondary" onClick={() => void run()} disabled={state.status === 'fetching' || total === 0}>
        {state.status === 'fetching' ? 'Preparing the CSV…' : 'Download these pupils (CSV)'}
      </Button>
      <p role="status" className={state.status === 'error' ? 'wm-field__error' : 'wm-muted'}>
        {state.status === 'fetching' ? `Fetched ${formatNumber(state.loaded)}${state.total != null ? ` of ${formatNumber(state.total)}` : ''} pupils…` : null}
        {state.status === 'done' ? `Downloaded ${state.fileName} with ${formatNumber(state.count)} pupils.` : null}
        {state.status === 'error' ? `The CSV could not be made: ${state.message}` : null}
      </p>
    </div>
  );
}
