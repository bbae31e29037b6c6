import { Button, downloadFile } from '@waymark/ui';
import { useState } from 'react';
import { buildRecordDocument } from '../../record-pdf/lib/recordDocument';
import type { PupilRecordView } from '../graphql/myPupilRecord';
import { toPdfRecord } from '../lib/record';

type State = { status: 'idle' } | { status: 'building' } | { status: 'done'; fileName: string } | { status: 'error'; message: string };

/**
 * Builds the record as a PDF in the browser and downloads it. pdf-lib is loaded only when asked,
 * so the page itself stays small.
 */
export function DownloadRecordButton({ record, label }: { record: PupilRecordView; label: string }) {
  const [state, setState] = useState<State>({ status: 'idle' });

  const download = async () => {
    setState({ status: 'building' });
    try {
      const doc = buildRecordDocument(toPdfRecord(record), new Date());
      const { renderRecordPdf } = await import('../../record-pdf/lib/renderRecordPdf');
      downloadFile(await renderRecordPdf(doc), doc.fileName, 'application/pdf');
      setState({ status: 'done', fileName: doc.fileName });
    } catch (error) {
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="wm-record-download">
      <Button variant="secondary" onClick={() => void download()} disabled={state.status === 'building'}>
        {state.status === 'building' ? 'Preparing the PDF…' : label}
      </Button>
      <p role="status" className={state.status === 'error' ? 'wm-field__error' : 'wm-muted'}>
        {state.status === 'done' ? `Downloaded as ${state.fileName}. You can print it or attach it to a CV or application.` : null}
        {state.status === 'error' ? `The PDF could not be made: ${state.message}` : null}
      </p>
    </div>
  );
}
