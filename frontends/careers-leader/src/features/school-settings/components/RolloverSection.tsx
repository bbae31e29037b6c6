import { useMutation } from '@waymark/graphql-client';
import { Button, ConfirmDialog, ErrorPanel, formatNumber, Notice, Section, SelectField } from '@waymark/ui';
import { useRef, useState } from 'react';
import { ROLL_OVER_YEAR_MUTATION } from '../graphql/settings';
import { academicYearLabel, rolloverChoices } from '../lib/academicYear';

const WHAT_IT_DOES = (
  <ul>
    <li>Every pupil on roll moves up one year group: Year 7 becomes Year 8, and so on.</li>
    <li>Pupils in Year 13 are marked as leavers. Their records are kept for destination tracking.</li>
    <li>Nothing is deleted: activities, destinations, groups and comments all stay with each pupil.</li>
    <li>It can be done once per academic year and cannot be undone from here.</li>
  </ul>
);

export function RolloverSection({ schoolName }: { schoolName: string }) {
  const [{ years, suggested }] = useState(() => rolloverChoices(new Date()));
  const [year, setYear] = useState(suggested);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<{ promoted: number; leavers: number; year: number } | null>(null);
  const [rollOver, mutation] = useMutation(ROLL_OVER_YEAR_MUTATION);
  const outcomeRef = useRef<HTMLDivElement>(null);

  const confirm = async () => {
    const { data, error } = await rollOver({ input: { academicYear: year } });
    setConfirming(false);
    const answer = data?.rollOverYear;
    if (error || !answer || answer.error) {
      setFailure(error?.message ?? answer?.error?.message ?? 'The new academic year was not started.');
      setResult(null);
    } else {
      setFailure(null);
      setResult({ promoted: answer.promoted, leavers: answer.leavers, year });
    }
    requestAnimationFrame(() => outcomeRef.current?.focus());
  };

  return (
    <Section title="Start a new academic year" description="Do this once, at the start of September, before importing the new roster.">
      {WHAT_IT_DOES}
      <div ref={outcomeRef} tabIndex={-1}>
        {failure ? (
          <ErrorPanel title="The new academic year was not started" headingLevel={3}>
            {failure}
          </ErrorPanel>
        ) : null}
        {result ? (
          <Notice title={`Academic year ${academicYearLabel(result.year)} started`} headingLevel={3}>
            {`${formatNumber(result.promoted)} pupils moved up a year and ${formatNumber(result.leavers)} Year 13 pupils were marked as leavers.`}
          </Notice>
        ) : null}
      </div>
      {!result ? (
        <form
          className="wm-form"
          noValidate
          aria-label="Start a new academic year"
          onSubmit={(event) => {
            event.preventDefault();
            setConfirming(true);
          }}
        >
          <SelectField
            label="Academic year starting"
            name="academicYear"
            options={years.map((value) => ({ value: String(value), label: `${academicYearLabel(value)} (from 1 September ${value})` }))}
            value={String(year)}
            onChange={(event) => setYear(Number(event.target.value))}
          />
          <Button type="submit">Start new academic year</Button>
        </form>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={`Start academic year ${academicYearLabel(year)} for ${schoolName}?`}
        confirmLabel={mutation.loading ? 'Starting…' : `Yes, start ${academicYearLabel(year)}`}
        cancelLabel="No, go back"
        busy={mutation.loading}
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(false)}
      >
        {WHAT_IT_DOES}
      </ConfirmDialog>
    </Section>
  );
}
