import type { FollowUpEntry } from '../graphql/destinations';

/** What the worklist says of a leaver, in plain English: a short status, a sentence, and which action fits. */
export interface FollowUpView {
  status: string;
  tag: string;
  details: string;
  /** `record`: record a spell for them; `agreement`: record their agreement on their record first. */
  action: 'record' | 'agreement';
}

const STATUS: Record<FollowUpEntry['status'], { status: string; tag: string }> = {
  NEET: { status: 'Not in education, employment or training', tag: 'wm-tag wm-tag--not-met' },
  NOT_KNOWN: { status: 'Not known', tag: 'wm-tag' },
  NOTHING_FOR_TODAY: { status: 'Nothing recorded for now', tag: 'wm-tag' },
  NOTHING_RECORDED: { status: 'Nothing recorded yet', tag: 'wm-tag' },
};

export function followUpView(entry: FollowUpEntry): FollowUpView {
  // "Nothing recorded yet" says it all; the other kinds have a reason with a date.
  const known = entry.status === 'NOTHING_RECORDED' ? '' : `${entry.reason}.`;
  if (entry.needsConsent)
    return {
      status: 'Ask for their agreement first',
      tag: 'wm-tag wm-tag--progress',
      details: `They have not agreed to being followed after 16, so nothing can be recorded for them yet.${known ? ` ${known}` : ''}`,
      action: 'agreement',
    };
  return { ...STATUS[entry.status], details: known, action: 'record' };
}

const RANK: Record<FollowUpEntry['status'], number> = { NEET: 0, NOT_KNOWN: 1, NOTHING_FOR_TODAY: 1, NOTHING_RECORDED: 1 };

/** The API's order (NEET first, newest leavers first, those to chase before those whose agreement is needed), then by name. */
export function sortWorklist(entries: readonly FollowUpEntry[]): FollowUpEntry[] {
  return [...entries].sort(
    (a, b) =>
      RANK[a.status] - RANK[b.status] ||
      b.leavingYear - a.leavingYear ||
      Number(a.needsConsent) - Number(b.needsConsent) ||
      a.pupil.displayName.localeCompare(b.pupil.displayName),
  );
}

/** "3 leavers to follow up: 1 not in education, employment or training, 2 with nothing recorded yet; 1 needs their agreement first." */
export function worklistSummary(entries: readonly FollowUpEntry[]): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const chase = entries.filter((entry) => !entry.needsConsent);
  const parts = [
    [chase.filter((entry) => entry.status === 'NEET').length, 'not in education, employment or training'],
    [chase.filter((entry) => entry.status === 'NOT_KNOWN' || entry.status === 'NOTHING_FOR_TODAY').length, 'not known or with nothing recorded for now'],
    [chase.filter((entry) => entry.status === 'NOTHING_RECORDED').length, 'with nothing recorded yet'],
  ] as const;
  const listed = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  const waiting = entries.length - chase.length;
  return `${count(entries.length, 'leaver', 'leavers')} to follow up${listed.length ? `: ${listed.join(', ')}` : ''}${
    waiting > 0 ? `${listed.length ? ';' : ':'} ${count(waiting, 'needs their', 'need their')} agreement first` : ''
  }.`;
}
