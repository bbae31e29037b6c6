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

/** Why an entry does (or does not yet) count as meaningful, in plain words. */
export function meaningfulText(entry: Pick<RegisterEntry, 'attended' | 'meaningful' | 'reflection' | 'groupReflectionOn'>, checklistMet: boolean): string {
  if (entry.meaningful) return 'Yes';
  if (!entry.attended) return 'No: did not attend';
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
