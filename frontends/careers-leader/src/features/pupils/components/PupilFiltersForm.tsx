import { Button, Checkbox, Field, Fieldset, SelectField } from '@waymark/ui';
import { YEAR_GROUPS } from '../../../shared/encounterKinds';
import { VULNERABLE_GROUPS, type VulnerableGroup } from '../../../shared/vulnerableGroups';
import type { PupilFilters } from '../graphql/pupils';

export interface PupilFiltersFormProps {
  filters: PupilFilters;
  onChange: (filters: PupilFilters) => void;
}

export const EMPTY_FILTERS: PupilFilters = { yearGroup: null, tutorGroup: '', search: '', groups: [] };

const YEAR_OPTIONS = YEAR_GROUPS.map((year) => ({ value: String(year), label: `Year ${year}` }));

export function hasFilters(filters: PupilFilters): boolean {
  return filters.yearGroup != null || filters.tutorGroup.trim() !== '' || filters.search.trim() !== '' || filters.groups.length > 0;
}

/** Filters apply as they change; the form only exists to group them and to stop Enter reloading the page. */
export function PupilFiltersForm({ filters, onChange }: PupilFiltersFormProps) {
  const set = (patch: Partial<PupilFilters>) => onChange({ ...filters, ...patch });
  const toggleGroup = (group: VulnerableGroup, ticked: boolean) =>
    set({ groups: ticked ? [...filters.groups, group] : filters.groups.filter((value) => value !== group) });

  return (
    <form role="search" aria-label="Filter pupils" onSubmit={(event) => event.preventDefault()}>
      <div className="wm-toolbar">
        <SelectField
          label="Year group"
          name="yearGroup"
          placeholder="All year groups"
          options={YEAR_OPTIONS}
          value={filters.yearGroup == null ? '' : String(filters.yearGroup)}
          onChange={(event) => set({ yearGroup: event.target.value ? Number(event.target.value) : null })}
        />
        <Field
          label="Tutor group"
          name="tutorGroup"
          autoComplete="off"
          narrow
          value={filters.tutorGroup}
          onChange={(event) => set({ tutorGroup: event.target.value })}
        />
        <Field
          label="Search by name or UPN"
          name="search"
          type="search"
          autoComplete="off"
          value={filters.search}
          onChange={(event) => set({ search: event.target.value })}
        />
      </div>
      <Fieldset label="Vulnerable and target groups" hint="Shows pupils who are in every group you tick.">
        <div className="wm-checkbox-list">
          {VULNERABLE_GROUPS.map((group) => (
            <Checkbox
              key={group.value}
              label={group.label}
              name="groups"
              value={group.value}
              checked={filters.groups.includes(group.value)}
              onChange={(event) => toggleGroup(group.value, event.target.checked)}
            />
          ))}
        </div>
      </Fieldset>
      {hasFilters(filters) ? (
        <div className="wm-button-row">
          <Button variant="secondary" onClick={() => onChange(EMPTY_FILTERS)}>
            Clear filters
          </Button>
        </div>
      ) : null}
    </form>
  );
}
