import { describe, expect, it } from 'vitest';
import { checklistComplete, checklistInput, checklistItemsFor, CHECKLIST_ITEMS, EMPTY_CHECKLIST } from './checklist';
import { ENCOUNTER_KINDS } from './encounterKinds';

const keys = (kind: Parameters<typeof checklistItemsFor>[0]) => checklistItemsFor(kind).map((item) => item.key);
const COMMON = ['purposeShared', 'learningOutcomes', 'twoWayInteraction', 'reflectionTime'];

describe('checklistItemsFor', () => {
  it('gives every kind the four common items', () => {
    for (const { value } of ENCOUNTER_KINDS) expect(keys(value).slice(0, 4)).toEqual(COMMON);
  });

  it.each(['WORKPLACE_VISIT', 'WORK_SHADOWING', 'WORK_EXPERIENCE'] as const)('adds the four workplace items for %s', (kind) => {
    expect(keys(kind)).toEqual([...COMMON, 'staffInteraction', 'rangeOfPeople', 'employerTask', 'employerFeedback']);
  });

  it.each([
    'SIXTH_FORM_ENCOUNTER',
    'FE_COLLEGE_ENCOUNTER',
    'UNIVERSITY_ENCOUNTER',
    'UNIVERSITY_VISIT',
    'TRAINING_PROVIDER_ENCOUNTER',
    'APPRENTICESHIP_PROVIDER_ENCOUNTER',
  ] as const)('adds the three education-provider items for %s', (kind) => {
    expect(keys(kind)).toEqual([...COMMON, 'metStaffAndLearners', 'entryRoutesInfo', 'learningExperience']);
  });

  it.each(['EMPLOYER_TALK', 'CAREERS_FAIR', 'CURRICULUM_LESSON', 'GUIDANCE_MEETING', 'PARENTS_EVENT'] as const)('has only the common items for %s', (kind) => {
    expect(keys(kind)).toEqual(COMMON);
  });

  it('has nothing to tick before a kind is chosen', () => {
    expect(keys('')).toEqual([]);
  });

  it('uses labels without words the form already uses for other fields', () => {
    for (const item of CHECKLIST_ITEMS) expect(item.label).not.toMatch(/\b(title|hours|date|kind)\b/i);
  });
});

describe('checklistInput', () => {
  it('sends every field, dropping ticks that do not apply to the kind', () => {
    const ticked = { ...EMPTY_CHECKLIST, purposeShared: true, employerTask: true, entryRoutesInfo: true };
    expect(checklistInput('WORKPLACE_VISIT', ticked)).toEqual({ ...EMPTY_CHECKLIST, purposeShared: true, employerTask: true });
    expect(checklistInput('UNIVERSITY_VISIT', ticked)).toEqual({ ...EMPTY_CHECKLIST, purposeShared: true, entryRoutesInfo: true });
    expect(checklistInput('EMPLOYER_TALK', ticked)).toEqual({ ...EMPTY_CHECKLIST, purposeShared: true });
  });
});

describe('checklistComplete', () => {
  it('needs every item of the kind ticked', () => {
    const common = Object.fromEntries(COMMON.map((key) => [key, true]));
    expect(checklistComplete('EMPLOYER_TALK', common)).toBe(true);
    expect(checklistComplete('WORK_EXPERIENCE', common)).toBe(false);
    expect(checklistComplete('WORK_EXPERIENCE', { ...common, staffInteraction: true, rangeOfPeople: true, employerTask: true, employerFeedback: true })).toBe(
      true,
    );
    expect(checklistComplete('', common)).toBe(false);
  });
});
