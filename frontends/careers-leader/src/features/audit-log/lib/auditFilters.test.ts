import { describe, expect, it } from 'vitest';
import { applyDraft, auditCsvFileName, fieldsLabel, NO_AUDIT_FILTER, rolesLabel } from './auditFilters';

describe('applyDraft', () => {
  const current = { ...NO_AUDIT_FILTER, pupilId: 'p1' };

  it('turns the form into a filter, keeping the pupil chosen in the table', () => {
    expect(applyDraft({ action: 'READ', from: '2026-09-01', to: '2026-09-30' }, current)).toEqual({
      filter: { pupilId: 'p1', actorAccountId: null, action: 'READ', from: '2026-09-01', to: '2026-09-30' },
      problems: [],
    });
    expect(applyDraft({ action: '', from: ' ', to: '' }, current).filter).toEqual(current);
  });

  it.each([
    ['a date that does not exist', { action: '' as const, from: '2026-02-30', to: '' }, 'from'],
    ['a date written another way', { action: '' as const, from: '', to: '30/09/2026' }, 'to'],
    ['"to" before "from"', { action: '' as const, from: '2026-10-01', to: '2026-09-01' }, 'to'],
  ])('refuses %s, naming the field', (_reason, draft, field) => {
    const { filter, problems } = applyDraft(draft, current);
    expect(filter).toBeNull();
    expect(problems.map((problem) => problem.field)).toEqual([field]);
  });
});

describe('labels', () => {
  it('names fields and roles in plain words, and the file by its day', () => {
    expect(fieldsLabel(['dateOfBirth', 'flags', 'guidanceNotes'])).toBe('date of birth, vulnerable groups, guidance meeting notes');
    expect(fieldsLabel(['ownSubjectAccess'])).toBe('their own data (Download my data)');
    expect(rolesLabel(['careers_leader', 'trust_analyst'])).toBe('careers leader, trust analyst');
    expect(auditCsvFileName('2026-12-06')).toBe('data-access-log-2026-12-06.csv');
  });
});
