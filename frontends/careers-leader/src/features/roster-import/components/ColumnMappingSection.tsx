import { Button, ErrorPanel, Loading, SelectField } from '@waymark/ui';
import type { RosterField } from '../graphql/rosterImport';
import { duplicateChoices, IGNORE } from '../lib/summary';

export interface ColumnMappingSectionProps {
  headers: readonly string[];
  fields: readonly RosterField[];
  fieldsLoading: boolean;
  fieldsError: string | null;
  choices: Readonly<Record<string, string>>;
  changed: boolean;
  busy: boolean;
  onChoose: (header: string, field: string) => void;
  onRetryFields: () => void;
  onCheckAgain: () => void;
}

const selectId = (index: number) => `roster-column-${index}`;

/** One select per header Waymark did not recognise: a roster field, or "Ignore this column". */
export function ColumnMappingSection({
  headers,
  fields,
  fieldsLoading,
  fieldsError,
  choices,
  changed,
  busy,
  onChoose,
  onRetryFields,
  onCheckAgain,
}: ColumnMappingSectionProps) {
  const duplicates = duplicateChoices(Object.fromEntries(headers.map((header) => [header, choices[header] ?? IGNORE])));
  const options = fields.map((field) => ({ value: field.key, label: field.required ? `${field.label} (required)` : field.label }));
  const duplicateOf = (header: string) => {
    const field = choices[header];
    const clash = field ? duplicates.get(field) : undefined;
    return clash ? `"${clash.filter((other) => other !== header).join('", "')}" is also set to this field. Choose one column for it.` : undefined;
  };

  return (
    <section className="wm-section" aria-labelledby="roster-mapping-heading">
      <h2 id="roster-mapping-heading">Columns Waymark did not recognise</h2>
      <p className="wm-section__description">
        Say what each of these columns holds, or leave it ignored. Waymark remembers your choices for your school's next import. Then check the file again to
        see the effect.
      </p>
      {fieldsError ? (
        <ErrorPanel title="The list of fields could not be loaded" headingLevel={3} onRetry={onRetryFields}>
          {fieldsError}
        </ErrorPanel>
      ) : null}
      {fieldsLoading ? <Loading label="Loading the fields a column can hold…" /> : null}
      {!fieldsLoading && !fieldsError ? (
        <form
          className="wm-form"
          noValidate
          aria-label="Choose what each column holds"
          onSubmit={(event) => {
            event.preventDefault();
            if (duplicates.size === 0) onCheckAgain();
          }}
        >
          {headers.map((header, index) => (
            <SelectField
              key={header}
              id={selectId(index)}
              label={`Column "${header}"`}
              name={`column-${index}`}
              placeholder="Ignore this column"
              options={options}
              value={choices[header] ?? IGNORE}
              error={duplicateOf(header)}
              disabled={busy}
              onChange={(event) => onChoose(header, event.target.value)}
            />
          ))}
          <Button type="submit" variant={changed ? 'primary' : 'secondary'} disabled={busy || duplicates.size > 0}>
            Check the file again
          </Button>
        </form>
      ) : null}
    </section>
  );
}
