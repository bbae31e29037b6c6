import {
  ACTIVITIES,
  ACTIVITY_KEYS,
  APPRENTICESHIP_LEVELS,
  checkActivitySpell,
  EDUCATION_PROVIDER_KIND_KEYS,
  EDUCATION_PROVIDER_KINDS,
  type ActivitySpellField,
} from '@waymark/domain';
import type { EducationProviderKind, RecordActivitySpellInput, SpellActivity, SpellSource } from '../graphql/destinations';
import type { RecordActivitySpellsInput } from '../graphql/spellBulk';

/** The spell form as typed: every value a string until it is sent. */
export interface SpellDraft {
  activity: SpellActivity | '';
  providerKind: EducationProviderKind | '';
  apprenticeshipLevel: string;
  provider: string;
  startsOn: string;
  endsOn: string;
  source: SpellSource;
  confirmed: boolean;
}

export const EMPTY_SPELL: SpellDraft = {
  activity: '',
  providerKind: '',
  apprenticeshipLevel: '',
  provider: '',
  startsOn: '',
  endsOn: '',
  source: 'STAFF',
  confirmed: false,
};

export const ACTIVITY_OPTIONS = ACTIVITY_KEYS.map((value) => ({ value, label: ACTIVITIES[value] }));
export const PROVIDER_KIND_OPTIONS = EDUCATION_PROVIDER_KIND_KEYS.map((value) => ({ value, label: EDUCATION_PROVIDER_KINDS[value] }));
export const LEVEL_OPTIONS = APPRENTICESHIP_LEVELS.map((level) => ({ value: String(level), label: `Level ${level}` }));
export const SOURCE_OPTIONS: { value: SpellSource; label: string }[] = [
  { value: 'STAFF', label: 'School staff' },
  { value: 'LA_CONFIRMATION', label: "The local authority's confirmation" },
];

/** The fields the API checks, as this form sends them: the level and kind of place only where they apply. */
function values(draft: SpellDraft) {
  return {
    activity: draft.activity,
    providerKind: draft.activity === 'EDUCATION' ? draft.providerKind || null : null,
    apprenticeshipLevel: draft.activity === 'APPRENTICESHIP' && draft.apprenticeshipLevel ? Number(draft.apprenticeshipLevel) : null,
    provider: draft.provider.trim() || null,
    startsOn: draft.startsOn,
    endsOn: draft.endsOn || null,
  };
}

/** The same rules the API runs (from @waymark/domain). */
export function validateSpell(draft: SpellDraft): Partial<Record<ActivitySpellField, string>> {
  return checkActivitySpell(values(draft));
}

export function toRecordActivitySpellInput(pupilId: string, draft: SpellDraft): RecordActivitySpellInput {
  const { activity, providerKind, ...rest } = values(draft);
  if (!activity) throw new Error('Choose what they were doing');
  return { pupilId, activity, providerKind, ...rest, source: draft.source, confirmed: draft.confirmed };
}

/** The same spell for every leaver chosen on the worklist (`recordActivitySpells`). */
export function toRecordActivitySpellsInput(pupilIds: readonly string[], draft: SpellDraft): RecordActivitySpellsInput {
  const { pupilId: _unused, ...input } = toRecordActivitySpellInput('', draft);
  return { ...input, pupilIds: [...pupilIds] };
}
