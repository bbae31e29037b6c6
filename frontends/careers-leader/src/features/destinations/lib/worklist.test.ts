import { describe, expect, it } from 'vitest';
import type { FollowUpEntry } from '../graphql/destinations';
import { followUpView, sortWorklist, worklistSummary } from './worklist';

const entry = (name: string, status: FollowUpEntry['status'], leavingYear: number, needsConsent = false, reason = 'Nothing recorded yet'): FollowUpEntry => ({
  pupil: { id: name, displayName: name },
  leavingYear,
  status,
  needsConsent,
  activity: status === 'NEET' ? 'NEET_AVAILABLE' : status === 'NOT_KNOWN' ? 'NOT_KNOWN' : null,
  lastKnownOn: null,
  reason,
});

describe('the worklist', () => {
  it('says plainly what is known and what to do', () => {
    expect(followUpView(entry('Ada', 'NOTHING_RECORDED', 2025))).toEqual({
      status: 'Nothing recorded yet',
      tag: 'wm-tag',
      details: '',
      action: 'record',
    });
    expect(followUpView(entry('Ben', 'NEET', 2024, false, 'Not in education, employment or training (available) since 2026-11-02'))).toMatchObject({
      status: 'Not in education, employment or training',
      details: 'Not in education, employment or training (available) since 2026-11-02.',
      action: 'record',
    });
    // Without their agreement nothing can be recorded, so the step is to record it first.
    expect(followUpView(entry('Cal', 'NOTHING_RECORDED', 2025, true))).toEqual({
      status: 'Ask for their agreement first',
      tag: 'wm-tag wm-tag--progress',
      details: 'They have not agreed to being followed after 16, so nothing can be recorded for them yet.',
      action: 'agreement',
    });
    expect(followUpView(entry('Dee', 'NOTHING_FOR_TODAY', 2024, true, 'Nothing recorded since 2025-07-18')).details).toBe(
      'They have not agreed to being followed after 16, so nothing can be recorded for them yet. Nothing recorded since 2025-07-18.',
    );
  });

  it('puts NEET first, then the newest leavers, those to chase before those whose agreement is needed, then by name', () => {
    const sorted = sortWorklist([
      entry('Zoe', 'NOTHING_RECORDED', 2024),
      entry('Yan', 'NOTHING_RECORDED', 2025, true),
      entry('Xia', 'NOTHING_RECORDED', 2025),
      entry('Wes', 'NOT_KNOWN', 2025),
      entry('Vic', 'NEET', 2023),
    ]);
    expect(sorted.map((e) => e.pupil.displayName)).toEqual(['Vic', 'Wes', 'Xia', 'Yan', 'Zoe']);
  });

  it('sums the list up in words', () => {
    expect(worklistSummary([entry('A', 'NEET', 2025), entry('B', 'NOTHING_RECORDED', 2025), entry('C', 'NOTHING_RECORDED', 2024, true)])).toBe(
      '3 leavers to follow up: 1 not in education, employment or training, 1 with nothing recorded yet; 1 needs their agreement first.',
    );
    expect(worklistSummary([entry('A', 'NOTHING_RECORDED', 2025, true), entry('B', 'NOTHING_FOR_TODAY', 2025, true)])).toBe(
      '2 leavers to follow up: 2 need their agreement first.',
    );
    expect(worklistSummary([entry('A', 'NOTHING_FOR_TODAY', 2025)])).toBe('1 leaver to follow up: 1 not known or with nothing recorded for now.');
  });
});
