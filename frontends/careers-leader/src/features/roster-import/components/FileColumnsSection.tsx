import { toCsv } from '@waymark/domain';
import { Button, ErrorPanel, Loading, Section } from '@waymark/ui';
import { downloadFile } from '../../../shared/download';
import type { RosterField } from '../graphql/rosterImport';

export interface FileColumnsSectionProps {
  fields: readonly RosterField[];
  loading: boolean;
  error: string | null;
  onRetry: () => void;
}

const TEMPLATE_FILE_NAME = 'waymark-pupil-import-template.csv';

/** The columns a roster file needs, and a template with their headers to fill in or to match an MIS report to. */
export function FileColumnsSection({ fields, loading, error, onRetry }: FileColumnsSectionProps) {
  const downloadTemplate = () => downloadFile(toCsv([fields.map((field) => field.templateHeader)]), TEMPLATE_FILE_NAME, 'text/csv;charset=utf-8');

  return (
    <Section
      title="What the file needs"
      description="One row per pupil, with a header row. Waymark recognises the usual SIMS, Arbor and Bromcom column names, and asks you about any it does not."
    >
      {loading ? <Loading label="Loading the list of columns…" /> : null}
      {error ? (
        <ErrorPanel title="The list of columns could not be loaded" headingLevel={3} onRetry={onRetry}>
          {error}
        </ErrorPanel>
      ) : null}
      {fields.length > 0 ? (
        <>
          <h3>Columns you must include</h3>
          <ul>
            {fields
              .filter((field) => field.required)
              .map((field) => (
                <li key={field.key}>
                  {field.label} <span className="wm-muted">(for example "{field.templateHeader}")</span>
                </li>
              ))}
          </ul>
          <h3>Columns you can include</h3>
          <ul>
            {fields
              .filter((field) => !field.required)
              .map((field) => (
                <li key={field.key}>
                  {field.label} <span className="wm-muted">(for example "{field.templateHeader}")</span>
                </li>
              ))}
          </ul>
          <div className="wm-button-row">
            <Button variant="secondary" onClick={downloadTemplate}>
              Download a template (CSV)
            </Button>
          </div>
        </>
      ) : null}
    </Section>
  );
}
