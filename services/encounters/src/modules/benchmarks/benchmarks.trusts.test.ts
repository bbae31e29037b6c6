import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKLIST_KEYS, ENCOUNTER_KINDS, type EncounterKind } from '@waymark/domain';
import { openDatabase, type Orm } from '@waymark/subgraph-kit';
import { testDatabase } from '@waymark/subgraph-kit/testing';
import { encountersService } from '../../app.js';
import { BenchmarkEngine, LARGE_COHORT, packCohort, type CohortArrays, type PupilStates } from './benchmarks.service.js';

/*
 * The engine in a database of more than one trust, on a real database. A trust's cohort is large, so
 * its statements read the register rows of its own pupils (benchmarks.sql.ts, `register`) rather than
 * the whole table; that must change nothing: a pupil's history follows them across schools and trusts
 * (services/encounters/docs/benchmark-engine.md, "History follows the pupil"), and another trust's
 * rows never reach this trust's figures. As of 1 July 2027 (academic year 2026/27).
 */
const AS_OF = '2027-07-01';
const TRUST = randomUUID();
const OTHER_TRUST = randomUUID();
/** Schools: two of the trust, one of the other trust, one in no trust. */
const SCHOOL = randomUUID();
const SECOND_SCHOOL = randomUUID();
const OTHER_SCHOOL = randomUUID();
const NO_TRUST_SCHOOL = randomUUID();
const TRUST_OF = new Map<string, string | null>([
  [SCHOOL, TRUST],
  [SECOND_SCHOOL, TRUST],
  [OTHER_SCHOOL, OTHER_TRUST],
  [NO_TRUST_SCHOOL, null],
]);

interface Fact {
  kind: EncounterKind;
  date: string;
  schoolId: string;
  hours?: number;
  adviserLevel?: number;
}

let db: ReturnType<typeof testDatabase>;
let orm: Orm;

/** One encounter at `fact.schoolId` (with its school's trust, as the register writes it) and the pupils on its register, all attended and reflected. */
async function encounter(fact: Fact, pupilIds: string[]): Promise<void> {
  const conn = orm.em.fork().getConnection();
  const encounterId = randomUUID();
  const trustId = TRUST_OF.get(fact.schoolId) ?? null;
  await conn.execute(
    `insert into encounter (id, school_id, trust_id, kind, title, date, in_school_day, hours, benchmarks, year_groups, employer_ids, volunteer_ids, created_at, checklist_ticked, checklist_met, adviser_level)
     values (?, ?, ?, ?, ?, ?, true, ?, ?::int[], '{7,8,9,10,11,12,13}', '{}', '{}', now(), ?::text[], true, ?)`,
    [
      encounterId,
      fact.schoolId,
      trustId,
      fact.kind,
      `${fact.kind} ${fact.date}`,
      `${fact.date}T10:00:00Z`,
      fact.hours ?? 2,
      `{${ENCOUNTER_KINDS[fact.kind].benchmarks.join(',')}}`,
      `{${CHECKLIST_KEYS.join(',')}}`,
      fact.adviserLevel ?? null,
    ],
  );
  for (const pupilId of pupilIds)
    await conn.execute('insert into participation (id, encounter_id, pupil_id, school_id, trust_id, attended, reflection) values (?, ?, ?, ?, ?, true, ?)', [
      randomUUID(),
      encounterId,
      pupilId,
      fact.schoolId,
      trustId,
      'I learned what the job involves.',
    ]);
}

/** The trust's pupils (Year 11 unless said), the first of them in the trust's cohort. */
const moverFromOtherTrust = randomUUID();
const moverFromNoTrust = randomUUID();
const stayer = randomUUID();
const TRUST_PUPILS = [moverFromOtherTrust, moverFromNoTrust, stayer];
/** The other trust's pupils: never in the trust's cohort, whatever their rows. */
const otherTrustPupils = Array.from({ length: 20 }, () => randomUUID());
/** A pupil who left the trust for the other one: their rows at the trust's school stay, but they are the other trust's now. */
const leaverToOtherTrust = randomUUID();

/** The trust's cohort, packed: its three pupils, then pupils with no rows up to LARGE_COHORT, so that it is read as a trust is. */
function trustCohort(size: number): CohortArrays {
  const padding = Math.max(0, size - TRUST_PUPILS.length);
  return {
    pupilIds: [...TRUST_PUPILS, ...Array.from({ length: padding }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)],
    schoolIds: [SCHOOL, SECOND_SCHOOL, SCHOOL, ...Array.from({ length: padding }, (_, i) => (i % 2 === 0 ? SCHOOL : SECOND_SCHOOL))],
    yearGroups: [11, 11, 11, ...Array.from({ length: padding }, (_, i) => 7 + (i % 7))],
    groupMasks: [0, 0, 0, ...Array.from({ length: padding }, () => 0)],
  };
}

const engine = () => new BenchmarkEngine(orm.em.fork());
const byPupil = (rows: PupilStates[]) => new Map(rows.map((row) => [row.pupilId, row]));

beforeAll(async () => {
  db = testDatabase('encounters');
  orm = await openDatabase({ service: 'encounters', entities: encountersService.entities, migrations: encountersService.migrations, ...db.options });
  // Before the move, at a school of the other trust (Year 9): a week's work experience and a guidance meeting.
  await encounter({ kind: 'WORK_EXPERIENCE', date: '2025-06-10', schoolId: OTHER_SCHOOL, hours: 30 }, [moverFromOtherTrust]);
  await encounter({ kind: 'GUIDANCE_MEETING', date: '2025-05-01', schoolId: OTHER_SCHOOL, adviserLevel: 6 }, [moverFromOtherTrust]);
  // Before the move, at a school in no trust (Year 10): work shadowing.
  await encounter({ kind: 'WORK_SHADOWING', date: '2025-11-10', schoolId: NO_TRUST_SCHOOL, hours: 6 }, [moverFromNoTrust]);
  // At the trust's schools this year: one workplace visit each.
  await encounter({ kind: 'WORKPLACE_VISIT', date: '2026-10-10', schoolId: SCHOOL, hours: 5 }, [moverFromOtherTrust, stayer]);
  await encounter({ kind: 'WORKPLACE_VISIT', date: '2026-10-11', schoolId: SECOND_SCHOOL, hours: 5 }, [moverFromNoTrust]);
});

afterAll(async () => {
  await orm?.close(true);
  await db?.dispose();
});

describe('the engine among trusts', () => {
  it("counts a pupil's encounters at a former school of another trust (or of none), for a trust's cohort as for a school's", async () => {
    const large = byPupil((await engine().pupilStates(packCohort(trustCohort(LARGE_COHORT)), AS_OF)).rows);
    const small = byPupil((await engine().pupilStates(packCohort(trustCohort(TRUST_PUPILS.length)), AS_OF)).rows);
    expect(large.size).toBe(LARGE_COHORT);

    const mover = large.get(moverFromOtherTrust)!;
    // Work experience in Year 9 at the other trust's school and a workplace visit this year: two of two by 16.
    expect(mover.states.B6_BY_16).toEqual({ state: 'MET', count: 2, needed: 2 });
    // The guidance meeting at the other trust's school, in Year 9, with a level 6 adviser.
    expect(mover.states.B8_BY_16).toEqual({ state: 'MET', count: 1, needed: 1 });
    expect({ lower: mover.hoursYears7to9, upper: mover.hoursYears10to11 }).toEqual({ lower: 30, upper: 5 });

    const fromNoTrust = large.get(moverFromNoTrust)!;
    expect(fromNoTrust.states.B6_BY_16).toEqual({ state: 'MET', count: 2, needed: 2 });
    expect({ lower: fromNoTrust.hoursYears7to9, upper: fromNoTrust.hoursYears10to11 }).toEqual({ lower: 0, upper: 11 });

    expect(large.get(stayer)!.states.B6_BY_16).toEqual({ state: 'IN_PROGRESS', count: 1, needed: 2 });
    // The trust's statement (large) and a school's (small, through the pupil index) agree pupil by pupil.
    for (const pupilId of TRUST_PUPILS) expect(large.get(pupilId)).toEqual(small.get(pupilId));
  });

  it("gives the same trust figures and pupils' states whatever another trust's rows", async () => {
    const cohort = packCohort(trustCohort(LARGE_COHORT));
    const before = { states: (await engine().pupilStates(cohort, AS_OF)).rows, trust: await engine().trustAggregate(cohort, AS_OF) };

    // The other trust's pupils, with facts of every sort at its school; one of them left the trust for
    // it, keeping their rows at the trust's school; and the other trust's pupils on the register of an
    // encounter at the trust's school beside the trust's own pupil (as a joint event would be).
    const facts: Fact[] = [
      { kind: 'WORK_EXPERIENCE', date: '2025-06-10', schoolId: OTHER_SCHOOL, hours: 30 },
      { kind: 'WORKPLACE_VISIT', date: '2026-10-10', schoolId: OTHER_SCHOOL, hours: 5 },
      { kind: 'GUIDANCE_MEETING', date: '2026-11-01', schoolId: OTHER_SCHOOL, adviserLevel: 7 },
      { kind: 'LMI_SESSION', date: '2026-12-01', schoolId: OTHER_SCHOOL },
      { kind: 'FE_COLLEGE_ENCOUNTER', date: '2026-10-01', schoolId: OTHER_SCHOOL },
    ];
    for (const fact of facts) await encounter(fact, otherTrustPupils);
    await encounter({ kind: 'WORK_EXPERIENCE', date: '2025-06-12', schoolId: SCHOOL, hours: 30 }, [leaverToOtherTrust]);
    await encounter({ kind: 'WORKPLACE_VISIT', date: '2026-10-12', schoolId: OTHER_SCHOOL, hours: 5 }, [leaverToOtherTrust]);
    await encounter({ kind: 'GUIDANCE_MEETING', date: '2026-11-02', schoolId: SCHOOL, adviserLevel: 7 }, [stayer, ...otherTrustPupils]);

    // Those rows are facts that count, for the other trust's pupils…
    const otherCohort = packCohort({
      pupilIds: [...otherTrustPupils, leaverToOtherTrust],
      schoolIds: [...otherTrustPupils, leaverToOtherTrust].map(() => OTHER_SCHOOL),
      yearGroups: [...otherTrustPupils, leaverToOtherTrust].map(() => 11),
      groupMasks: [...otherTrustPupils, leaverToOtherTrust].map(() => 0),
    });
    const other = byPupil((await engine().pupilStates(otherCohort, AS_OF)).rows);
    expect(other.get(otherTrustPupils[0])!.states.B6_BY_16.state).toBe('MET');
    expect(other.get(leaverToOtherTrust)!.states.B6_BY_16.state).toBe('MET');

    // …and change nothing of the trust's, but the one new fact of its own pupil (the joint guidance meeting).
    const after = { states: (await engine().pupilStates(cohort, AS_OF)).rows, trust: await engine().trustAggregate(cohort, AS_OF) };
    const stayerAfter = byPupil(after.states).get(stayer)!;
    expect(stayerAfter.states.B8_BY_16).toEqual({ state: 'MET', count: 1, needed: 1 });
    expect(byPupil(before.states).get(stayer)!.states.B8_BY_16.state).toBe('NOT_MET');
    const withoutStayer = (rows: PupilStates[]) => rows.filter((row) => row.pupilId !== stayer);
    expect(withoutStayer(after.states)).toEqual(withoutStayer(before.states));
    expect({ ...stayerAfter, states: { ...stayerAfter.states, B8_BY_16: null } }).toEqual({
      ...byPupil(before.states).get(stayer)!,
      states: { ...byPupil(before.states).get(stayer)!.states, B8_BY_16: null },
    });
    // The trust's figures: the same, but that one pupil's guidance meeting (one more met, one fewer not met).
    const b8 = (aggregate: typeof before.trust) => aggregate.totals.find((cell) => cell.measure === 'B8_BY_16')!;
    expect(b8(after.trust).met).toBe(b8(before.trust).met + 1);
    expect(b8(after.trust).notMet).toBe(b8(before.trust).notMet - 1);
    expect(after.trust.totals.filter((cell) => cell.measure !== 'B8_BY_16')).toEqual(before.trust.totals.filter((cell) => cell.measure !== 'B8_BY_16'));
    expect(after.trust.pupilCount).toBe(before.trust.pupilCount);
  });
});
