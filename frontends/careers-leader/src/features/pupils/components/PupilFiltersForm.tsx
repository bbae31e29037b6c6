import { Field, SelectField } from '@waymark/ui';
import { YEAR_GROUPS } from '../../../shared/encounterKinds';

export interface PupilFiltersFormProps {
  yearGroup: number | null;
  search: string;
  onYearGroupChange: (yearGroup: number | null) => void;
  onSearchChange: (search: string) => void;
}

const YEAR_OPTIONS = YEAR_GROUPS.map((year) => ({ value: String(year), label: `Year ${year}` }));

/** Filters apply as they change; the form only exists to group them and to stop Enter reloading the page. */
export function PupilFiltersForm({ yearGroup, search, onYearGroupChange, onSearchChange }: PupilFiltersFormProps) {
  return (
    <form className="wm-toolbar" role="search" aria-label="Filter pupils" onSubmit={(event) => event.preventDefault()}>
      <SelectField
        label="Year group"
        name="yearGroup"
        placeholder="All year groups"
        options={YEAR_OPTIONS}
        value={yearGroup == null ? '' : String(yearGroup)}
        onChange={(event) => onYearGroupChange(event.target.value ? Number(event.target.value) : null)}
      />
      <Field
        label="Search by name"
        name="search"
        type="search"
        autoComplete="off"
        value={search}
        onChange={(event) => onSearchChange(event.target.value)}
      />
    </form>
  );
}
