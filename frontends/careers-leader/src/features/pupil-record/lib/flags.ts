import { VULNERABLE_GROUPS, type FlagName, type PupilFlags, type VulnerableGroup } from '../../../shared/vulnerableGroups';

export type FlagDraft = Record<FlagName, boolean>;

export interface FlagEdit {
  group: VulnerableGroup;
  label: string;
  value: boolean;
}

export function draftFrom(flags: PupilFlags): FlagDraft {
  return Object.fromEntries(VULNERABLE_GROUPS.map((group) => [group.flag, flags[group.flag]])) as FlagDraft;
}

/** The groups whose value differs between the saved flags and the draft, in the usual order. */
export function flagEdits(saved: PupilFlags, draft: FlagDraft): FlagEdit[] {
  return VULNERABLE_GROUPS.filter((group) => saved[group.flag] !== draft[group.flag]).map((group) => ({
    group: group.value,
    label: group.label,
    value: draft[group.flag],
  }));
}

/** `SetPupilFlagsInput.flags`: only what changed, so a concurrent change to another group is not undone. */
export function toFlagInput(edits: readonly FlagEdit[]): { group: VulnerableGroup; value: boolean }[] {
  return edits.map(({ group, value }) => ({ group, value }));
}

const SOURCES: Record<string, string> = { IMPORT: 'Roster import', STAFF: 'Staff', ROLLOVER: 'New academic year' };

export function sourceLabel(source: string): string {
  return SOURCES[source] ?? source;
}
