import { Button, ErrorSummary, Field, SelectField } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import { GATSBY_BENCHMARKS } from '../../../shared/benchmarks';
import { ENCOUNTER_KINDS, YEAR_GROUPS } from '../../../shared/encounterKinds';
import {
  applyEncounterDraft,
  encounterDraftOf,
  hasEncounterFilters,
  NO_ENCOUNTER_FILTERS,
  type EncounterFilterProblem,
  type EncounterFilters,
  type EncounterFiltersDraft,
  writeEncounterFilters,
} from '../lib/encounterFilters';

export interface EncounterFiltersFormProps {
  filters: EncounterFilters;
  onApply: (filters: EncounterFilters) => void;
}

const IDS = { from: 'encounters-from', to: 'encounters-to' } as const;
const KIND_OPTIONS = ENCOUNTER_KINDS.map((kind) => ({ value: kind.value, label: kind.label }));
const BENCHMARK_OPTIONS = GATSBY_BENCHMARKS.map((benchmark) => ({ value: String(benchmark.number), label: `${benchmark.number}: ${benchmark.name}` }));
const YEAR_OPTIONS = YEAR_GROUPS.map((year) => ({ value: String(year), label: `Year ${year}` }));

/**
 * What to show, applied with the button or Enter (the dates are checked first, with an error summary
 * that takes focus). The page keeps the applied filters in the address, so a link or a reload shows
 * the same list.
 */
export function EncounterFiltersForm({ filters, onApply }: EncounterFiltersFormProps) {
  const [draft, setDraft] = useState<EncounterFiltersDraft>(() => encounterDraftOf(filters));
  const [problems, setProblems] = useState<EncounterFilterProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  // Filters that arrive from elsewhere (Back, a link) replace what the form holds; its own, applied, do not,
  // so focus stays on the button that applied them.
  const [shown, setShown] = useState(() => writeEncounterFilters(filters));
  const current = writeEncounterFilters(filters);
  if (current !== shown) {
    setShown(current);
    setDraft(encounterDraftOf(filters));
    setProblems([]);
  }
  const set = (patch: Partial<EncounterFiltersDraft>) => setDraft((previous) => ({ ...previous, ...patch }));
  const problemAt = (field: EncounterFilterProblem['field']) => problems.find((problem) => problem.field === field)?.message;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const result = applyEncounterDraft(draft);
    setProblems(result.problems);
    if (result.filters) onApply(result.filters);
    else setAttempt((count) => count + 1);
  };

  const clear = () => {
    setDraft(encounterDraftOf(NO_ENCOUNTER_FILTERS));
    setProblems([]);
    onApply(NO_ENCOUNTER_FILTERS);
  };

  return (
    <form role="search" aria-label="Filter encounters" onSubmit={submit} noValidate>
      <ErrorSummary attempt={attempt} items={problems.map((problem) => ({ message: problem.message, targetId: IDS[problem.field] }))} />
      <div className="wm-toolbar">
        <SelectField
          label="Kind"
          name="kind"
          placeholder="Any kind"
          options={KIND_OPTIONS}
          value={draft.kind}
          onChange={(event) => set({ kind: event.target.value })}
        />
        <Field
          id={IDS.from}
          label="From"
          name="from"
          type="date"
          narrow
          value={draft.from}
          error={problemAt('from')}
          onChange={(event) => set({ from: event.target.value })}
        />
        <Field
          id={IDS.to}
          label="To"
          hint="Includes this day"
          name="to"
          type="date"
          narrow
          value={draft.to}
          error={problemAt('to')}
          onChange={(event) => set({ to: event.target.value })}
        />
        <SelectField
          label="Benchmark"
          name="benchmark"
          placeholder="Any benchmark"
          options={BENCHMARK_OPTIONS}
          value={draft.benchmark}
          onChange={(event) => set({ benchmark: event.target.value })}
        />
        <SelectField
          label="Year group"
          name="yearGroup"
          placeholder="Any year group"
          options={YEAR_OPTIONS}
          value={draft.yearGroup}
          onChange={(event) => set({ yearGroup: event.target.value })}
        />
        <Field
          label="Search by title"
          name="search"
          type="search"
          autoComplete="off"
          maxLength={200}
          value={draft.search}
          onChange={(event) => set({ search: event.target.value })}
        />
      </div>
      <div className="wm-button-row">
        <Button type="submit">Show encounters</Button>
        {hasEncounterFilters(filters) ? (
          <Button variant="secondary" onClick={clear}>
            Clear filters
          </Button>
        ) : null}
      </div>
    </form>
  );
}
