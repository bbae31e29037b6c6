import { Button, downloadFile } from '@waymark/ui';
import { useState } from 'react';
import type { PupilRecordView } from '../graphql/myPupilRecord';

type State = { status: 'idle' } | { status: 'building' } | { status: 'done'; text: string } | { status: 'error'; message: string };

/**
 * The record to keep: a PDF built in the browser, and the same content as a web page. pdf-lib, fontkit and
 * the fonts are loaded only when a PDF is asked for (and only the font files its text needs), so the page
 * itself stays small.
 */
export function DownloadRecordButton({ record, whose }: { record: PupilRecordView; whose: 'my' | 'this' }) {
  const [state, setState] = useState<State>({ status: 'idle' });

  const downloadPdf = async () => {
    setState({ status: 'building' });
    try {
      const { recordPdf } = await import('../lib/recordDownload');
      const { bytes, fileName } = await recordPdf(record, new Date());
      downloadFile(bytes, fileName, 'application/pdf');
      setState({ status: 'done', text: `Downloaded as ${fileName}. You can print it or attach it to a CV or application.` });
    } catch (error) {
      setState({ status: 'error', message: `The PDF could not be made: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  const downloadPage = async () => {
    try {
      const { recordPage } = await import('../lib/recordDownload');
      const { html, fileName } = recordPage(record, new Date());
      downloadFile(html, fileName, 'text/html;charset=utf-8');
      setState({ status: 'done', text: `Downloaded as ${fileName}. Open it in a web browser to read it, or to print it.` });
    } catch (error) {
      setState({ status: 'error', message: `The web page could not be made: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  return (
    <div className="wm-record-download">
      <Button variant="secondary" onClick={() => void downloadPdf()} disabled={state.status === 'building'}>
        {state.status === 'building' ? 'Preparing the PDF…' : `Download ${whose} record (PDF)`}
      </Button>
      <Button variant="secondary" onClick={() => void downloadPage()}>
        {`Download ${whose} record (web page)`}
      </Button>
      <p role="status" className={state.status === 'error' ? 'wm-field__error' : 'wm-muted'}>
        {state.status === 'done' ? state.text : null}
        {state.status === 'error' ? state.message : null}
      </p>
    </div>
  );
}
