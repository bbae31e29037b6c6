import { useState, type ReactNode } from 'react';
import { Button } from './Button.js';
import { ErrorPanel } from './feedback.js';
import { Section } from './layout.js';
import { downloadFile } from './subjectAccess.js';

/** One file for the browser to save. */
export interface DownloadedFile {
  name: string;
  content: string | Uint8Array;
  type: string;
}

export interface DownloadSectionProps {
  title: string;
  description: string;
  /** The button's words, and what it says while the files are being made. */
  buttonText: string;
  busyText: string;
  /** The heading over the reason when it fails. */
  errorTitle: string;
  /** Gathers what to save; the files are saved in this order. */
  prepare: () => Promise<DownloadedFile[]>;
  /** Anything the download needs first (a field saying whose data, say), shown above the button. */
  children?: ReactNode;
}

type State = { status: 'idle' } | { status: 'fetching' } | { status: 'done'; files: string[] } | { status: 'error'; message: string };

/**
 * A section with one button that gathers data and saves it as files, saying (to screen readers too)
 * which files were saved, or why it failed.
 */
export function DownloadSection({ title, description, buttonText, busyText, errorTitle, prepare, children }: DownloadSectionProps) {
  const [state, setState] = useState<State>({ status: 'idle' });

  const run = async () => {
    setState({ status: 'fetching' });
    try {
      const files = await prepare();
      for (const file of files) downloadFile(file.content, file.name, file.type);
      setState({ status: 'done', files: files.map((file) => file.name) });
    } catch (error) {
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <Section title={title} description={description}>
      {children}
      <div className="wm-button-row">
        <Button variant="secondary" onClick={() => void run()} disabled={state.status === 'fetching'}>
          {state.status === 'fetching' ? busyText : buttonText}
        </Button>
      </div>
      <p role="status" aria-live="polite" className="wm-muted">
        {state.status === 'done' ? `Downloaded ${state.files.join(' and ')}.` : ''}
      </p>
      {state.status === 'error' ? (
        <ErrorPanel title={errorTitle} headingLevel={3}>
          {state.message}
        </ErrorPanel>
      ) : null}
    </Section>
  );
}
