import { describe, expect, it } from 'vitest';
import { STATEMENTS } from './benchmarks.sql.js';
import type { NamedStatement } from './named-params.js';

/*
 * The SQL the engine runs, as generated from the rules, committed beside this test: a change to a
 * rule (or to how the rules become SQL) shows up as a diff of these files, to be read in review.
 * After an intended change, `npx vitest run -u src/modules/benchmarks/benchmarks.sql.test.ts` rewrites them.
 */
const COHORT = ['pupilIds', 'yearGroups', 'groupMasks', 'schoolIndexes', 'asOf', 'academicYear', 'onlyGroups', 'onlyYearGroup'];

const CASES: [file: string, statement: NamedStatement, own: string[]][] = [
  // A school is a small cohort: its register rows are found through the pupil index.
  ['school-dashboard', STATEMENTS.schoolAggregate(false), ['yearRowsGroups', 'groupRowsYearGroup']],
  ['gap-list', STATEMENTS.gaps(false, 'B5_EMPLOYERS'), ['limit', 'offset']],
  ['pupil-progress', STATEMENTS.progress(false), []],
  // A trust is a large cohort: its pupils' register rows are read through the pupil index, their encounters by key.
  ['trust-dashboard', STATEMENTS.trustAggregate(true), []],
  ['trust-self-evaluation', STATEMENTS.schoolsAggregate(true), []],
];

describe("the engine's statements", () => {
  it.each(CASES)("%s is the committed SQL, binding the cohort's parameters and its own by name", async (file, statement, own) => {
    await expect(statement.named).toMatchFileSnapshot(`__snapshots__/${file}.sql`);
    expect([...statement.names].sort()).toEqual([...COHORT, ...own].sort());
    expect(statement.text).not.toMatch(/(?<![:\w]):[A-Za-z_]/);
  });

  it('builds each statement once and reuses it', () => {
    expect(STATEMENTS.gaps(false, 'B5_EMPLOYERS')).toBe(STATEMENTS.gaps(false, 'B5_EMPLOYERS'));
    expect(STATEMENTS.gaps(false, 'B2_LMI')).not.toBe(STATEMENTS.gaps(false, 'B5_EMPLOYERS'));
  });
});
