import { Field, SelectField } from '@waymark/ui';
import { useEffect, useState } from 'react';
import { YEAR_GROUPS } from '../../../shared/encounterKinds';
import type { DashboardFilters } from '../../../shared/route';
import { VULNERABLE_GROUPS, type VulnerableGroup } from '../../../shared/vulnerableGroups';

const YEAR_OPTIONS = YEAR_GROUPS.map((year) => ({ value: String(year), label: `Year ${year}` }));
const GROUP_OPTIONS = VULNERABLE_GROUPS.map(({ value, label }) => ({ value, label }));

export interface DashboardFiltersFormProps {
  filters: DashboardFilters;
  onChange: (filters: DashboardFilters) => void;
  /** Distinguishes the controls when a page has two sets (ids must be unique). */
  idPrefix?: string;
}

/** Year group, vulnerable group and the day the figures are worked out for; every choice applies at once. */
export function DashboardFiltersForm({ filters, onChange, idPrefix = 'dashboard' }: DashboardFiltersFormProps) {
  // The date applies once it is a whole date (or emptied), not while it is being typed.
  const [asOf, setAsOf] = useState(filters.asOf ?? '');
  useEffect(() => setAsOf(filters.asOf ?? ''), [filters.asOf]);

  return (
    <form className="wm-toolbar" aria-label="Filter the figures" onSubmit={(event) => event.preventDefault()}>
      <SelectField
        id={`${idPrefix}-year`}
        label="Year group"
        placeholder="All year groups"
        options={YEAR_OPTIONS}
        value={filters.yearGroup != null ? String(filters.yearGroup) : ''}
        onChange={(event) => onChange({ ...filters, yearGroup: event.target.value ? Number(event.target.value) : null })}
      />
      <SelectField
        id={`${idPrefix}-group`}
        label="Vulnerable or target group"
        placeholder="All pupils"
        options={GROUP_OPTIONS}
        value={filters.group ?? ''}
        onChange={(event) => onChange({ ...filters, group: (event.target.value || null) as VulnerableGroup | null })}
      />
      <Field
        id={`${idPrefix}-as-of`}
        label="Figures as of"
        hint="Leave empty for today"
        type="date"
        narrow
        value={asOf}
        onChange={(event) => {
          const value = event.target.value;
          setAsOf(value);
          if (value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value)) onChange({ ...filters, asOf: value || null });
        }}
      />
    </form>
  );
}
