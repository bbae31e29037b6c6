import { academicYearOf, PROVIDER_ACCESS_KINDS } from '@waymark/domain';
import type { RegisterEntry } from '../graphql/encounter';

/** By year group, then tutor group, then name: the order a register is read out in. */
export function sortRegister(entries: readonly RegisterEntry[]): RegisterEntry[] {
  return [...entries].sort(
    (a, b) =>
      (a.pupil?.yearGroup ?? 99) - (b.pupil?.yearGroup ?? 99) ||
      (a.pupil?.tutorGroup ?? '').localeCompare(b.pupil?.tutorGroup ?? '', 'en-GB') ||
      (a.pupil?.displayName ?? '').localeCompare(b.pupil?.displayName ?? '', 'en-GB'),
  );
}

/** A pupil's mark on a register: there, absent, or offered a place and chose not to go. */
export type Mark = 'attended' | 'absent' | 'declined';

export const MARK_TEXT: Record<Mark, string> = { attended: 'Attended', absent: 'Absent', declined: 'Chose not to go' };

export function markOf(entry: Pick<RegisterEntry, 'attended' | 'declined'>): Mark {
  return entry.attended ? 'attended' : entry.declined ? 'declined' : 'absent';
}

/**
 * Whether a pupil can be marked as having chosen not to go: only on an encounter with a college,
 * training or apprenticeship provider, for a pupil in Year 12 or 13 when it took place (below Year 12
 * these encounters are compulsory; docs/domain-rules.md, "Provider access"). The server checks it too.
 */
export function canDecline(encounter: { kind: string; date: string }, yearGroupNow: number | null | undefined, now = new Date()): boolean {
  if (!(PROVIDER_ACCESS_KINDS as readonly string[]).includes(encounter.kind) || yearGroupNow == null) return false;
  const yearThen = yearGroupNow - (academicYearOf(now) - academicYearOf(new Date(encounter.date)));
  return yearThen >= 12;
}

/** Why an entry does (or does not yet) count as meaningful, in plain words. */
export function meaningfulText(
  entry: Pick<RegisterEntry, 'attended' | 'meaningful' | 'reflection' | 'groupReflectionOn'> & { declined?: boolean },
  checklistMet: boolean,
): string {
  if (entry.meaningful) return 'Yes';
  if (!entry.attended) return entry.declined ? 'No: chose not to go' : 'No: did not attend';
  if (!checklistMet) return 'Not yet: the checklist is not complete';
  if (!entry.reflection && !entry.groupReflectionOn) return 'Not yet: no reflection recorded';
  return 'No';
}

/** The selection after ticking or unticking "select all": all of `ids`, or none of them (others kept). */
export function selectAll(selected: ReadonlySet<string>, ids: readonly string[], chosen: boolean): Set<string> {
  const next = new Set(selected);
  for (const id of ids) {
    if (chosen) next.add(id);
    else next.delete(id);
  }
  return next;
}

/** The selection after one pupil's box changes. */
export function toggleOne(selected: ReadonlySet<string>, id: string, chosen: boolean): Set<string> {
  return selectAll(selected, [id], chosen);
}

/** The selection narrowed to pupils still on the register (after a reload). */
export function keepOnRegister(selected: ReadonlySet<string>, ids: readonly string[]): Set<string> {
  const present = new Set(ids);
  return new Set([...selected].filter((id) => present.has(id)));
}

export interface RegisterCounts {
  invited: number;
  attended: number;
  /** Offered a place (a Year 12–13 provider encounter) and chose not to go. */
  declined: number;
  meaningful: number;
  /** Pupils who wrote their own reflection. */
  reflected: number;
  /** Pupils the school recorded reflection time for, with their group. */
  groupReflected: number;
}

export function registerCounts(entries: readonly RegisterEntry[]): RegisterCounts {
  return {
    invited: entries.length,
    attended: entries.filter((entry) => entry.attended).length,
    declined: entries.filter((entry) => entry.declined).length,
    meaningful: entries.filter((entry) => entry.meaningful).length,
    reflected: entries.filter((entry) => !!entry.reflection).length,
    groupReflected: entries.filter((entry) => !!entry.groupReflectionOn).length,
  };
}

/** "10N1, 10N2 ,, 11b" → ["10N1", "10N2", "11B"]: tutor groups as MIS exports write them, upper-case. */
export function parseTutorGroups(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;\s]+/)
        .map((group) => group.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}

/** How an invitation went, in words. */
export function inviteOutcome(added: number): string {
  if (added === 0) return 'Everyone who matched is already on the register.';
  return `${added} ${added === 1 ? 'pupil was' : 'pupils were'} added to the register, marked as not attended.`;
}

/** How an import went, in words. */
export function importOutcome(result: { added: number; changed: number; unchanged: number }): string {
  const parts = [`${result.added} ${result.added === 1 ? 'pupil' : 'pupils'} added`, `${result.changed} changed`, `${result.unchanged} already as in the file`];
  return `Register imported: ${parts.join(', ')}.`;
}
