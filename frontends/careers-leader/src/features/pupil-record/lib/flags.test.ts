import { describe, expect, it } from 'vitest';
import type { PupilFlags } from '../../../shared/vulnerableGroups';
import { draftFrom, flagEdits, sourceLabel, toFlagInput } from './flags';

const saved: PupilFlags = {
  senSupport: false,
  ehcp: false,
  disadvantaged: true,
  lookedAfter: false,
  eal: true,
  youngCarer: false,
  youngParent: false,
  youthJustice: false,
  refugee: false,
  serviceChild: false,
  persistentAbsence: false,
  neetRisk: false,
  neetRiskScore: 12,
};

describe('flag edits', () => {
  it('finds nothing to save in an untouched draft', () => {
    expect(flagEdits(saved, draftFrom(saved))).toEqual([]);
  });

  it('lists each change with its label, in the usual order, and sends only those', () => {
    const draft = { ...draftFrom(saved), youngCarer: true, eal: false };
    const edits = flagEdits(saved, draft);
    expect(edits).toEqual([
      { group: 'EAL', label: 'English as an additional language', value: false },
      { group: 'YOUNG_CARER', label: 'Young carer', value: true },
    ]);
    expect(toFlagInput(edits)).toEqual([
      { group: 'EAL', value: false },
      { group: 'YOUNG_CARER', value: true },
    ]);
  });

  it('leaves the NEET risk score out of the draft', () => {
    expect(draftFrom(saved)).not.toHaveProperty('neetRiskScore');
  });

  it('names where a change came from', () => {
    expect(sourceLabel('IMPORT')).toBe('Roster import');
    expect(sourceLabel('ROLLOVER')).toBe('New academic year');
    expect(sourceLabel('API')).toBe('API');
  });
});
