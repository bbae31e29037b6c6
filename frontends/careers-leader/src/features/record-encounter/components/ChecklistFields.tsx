import { Checkbox, Fieldset } from '@waymark/ui';
import { checklistItemsFor } from '../../../shared/checklist';
import type { EncounterDraft } from '../lib/encounterDraft';

export interface ChecklistFieldsProps {
  draft: EncounterDraft;
  onTick: (key: string, ticked: boolean) => void;
}

/** The meaningful checklist: only the items that apply to the chosen kind. */
export function ChecklistFields({ draft, onTick }: ChecklistFieldsProps) {
  const items = checklistItemsFor(draft.kind);
  if (items.length === 0) return <p className="wm-muted">Choose the kind of encounter first: the checklist depends on it.</p>;
  const ticked = items.filter((item) => draft.checklist[item.key] === true).length;
  return (
    <Fieldset
      label="Tick everything that was true"
      hint="It counts towards a pupil's benchmarks only when every item is ticked, the pupil attended, and the pupil has written a reflection."
    >
      <div className="wm-checkbox-stack">
        {items.map((item) => (
          <Checkbox
            key={item.key}
            id={`encounter-checklist-${item.key}`}
            label={item.label}
            name="checklist"
            value={item.key}
            checked={draft.checklist[item.key] === true}
            onChange={(event) => onTick(item.key, event.target.checked)}
          />
        ))}
      </div>
      <p className="wm-muted" aria-live="polite">
        {ticked === items.length ? `All ${items.length} items ticked: it can count as meaningful.` : `${ticked} of ${items.length} items ticked.`}
      </p>
    </Fieldset>
  );
}
