import { Checkbox, Field, Fieldset } from '@waymark/ui';
import { GATSBY_BENCHMARKS } from '../../../shared/benchmarks';
import type { EncounterDraft, FieldErrors } from '../lib/encounterDraft';
import { FIELD_IDS } from './fieldIds';

export interface BenchmarkFieldsProps {
  draft: EncounterDraft;
  errors: FieldErrors;
  onToggleBenchmark: (benchmark: number, chosen: boolean) => void;
  onHashtagsChange: (text: string) => void;
}

/** Which benchmarks it counts towards (the kind's defaults until changed) and the hashtags pupils follow. */
export function BenchmarkFields({ draft, errors, onToggleBenchmark, onHashtagsChange }: BenchmarkFieldsProps) {
  return (
    <>
      <Fieldset
        label="Gatsby benchmarks it counts towards"
        hint={draft.benchmarksChosen ? 'Chosen by you.' : 'Ticked for the kind of encounter. Change them if this one was different.'}
        error={errors.benchmarks}
      >
        <div className="wm-checkbox-stack">
          {GATSBY_BENCHMARKS.map((benchmark) => (
            <Checkbox
              key={benchmark.number}
              id={`encounter-benchmark-${benchmark.number}`}
              label={`Benchmark ${benchmark.number}: ${benchmark.name}`}
              name="benchmarks"
              value={String(benchmark.number)}
              checked={draft.benchmarks.includes(benchmark.number)}
              onChange={(event) => onToggleBenchmark(benchmark.number, event.target.checked)}
            />
          ))}
        </div>
      </Fieldset>
      <Field
        id={FIELD_IDS.hashtags}
        label="Hashtags (optional)"
        name="hashtags"
        hint="Topics pupils can follow, separated by spaces or commas, for example: #engineering #nhs"
        value={draft.hashtags}
        error={errors.hashtags}
        autoComplete="off"
        onChange={(event) => onHashtagsChange(event.target.value)}
      />
    </>
  );
}
