import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { boundSql } from '@waymark/subgraph-kit';
import type { SeededRandom, WriteOp } from '@waymark/subgraph-kit/testing';

/*
 * The writes the encounters sync feeds' tests make (the GraphQL pages' and the bulk streams'), straight
 * to the tables as any writer would, in a transaction the test holds.
 */

type School = { id: string; trustId: string };

/** What an encounter the fixtures make says, beyond its school: an hour's employer talk by default. */
export interface TalkDetails {
  title?: string;
  hours?: number;
  benchmarks?: number[];
  subject?: string | null;
  /** When it ends, in minutes after it starts; none by default. */
  endsAfterMinutes?: number | null;
}

/** An employer talk at a school with some of its pupils on the register; answers its id and the register's ids. */
export async function insertEncounter(em: EntityManager, school: School, pupils: string[], details: TalkDetails = {}): Promise<{ id: string; rows: string[] }> {
  const id = randomUUID();
  await boundSql(
    em,
    `insert into encounter (id, school_id, trust_id, kind, title, date, in_school_day, hours, benchmarks, year_groups, employer_ids, volunteer_ids, created_at, ends_at, subject)
     values ($1, $2, $3, 'EMPLOYER_TALK', $4, now(), true, $5, $6::int[], '{9}', '{}', '{}', now(), now() + make_interval(mins => $7::int), $8)`,
    [
      id,
      school.id,
      school.trustId,
      details.title ?? 'Sync test talk',
      details.hours ?? 1,
      `{${(details.benchmarks ?? [5]).join(',')}}`,
      details.endsAfterMinutes ?? null,
      details.subject ?? null,
    ],
  );
  const rows: string[] = [];
  for (const pupilId of pupils) {
    const rowId = randomUUID();
    await boundSql(em, `insert into participation (id, encounter_id, pupil_id, school_id, trust_id, attended) values ($1, $2, $3, $4, $5, false)`, [
      rowId,
      id,
      pupilId,
      school.id,
      school.trustId,
    ]);
    rows.push(rowId);
  }
  return { id, rows };
}
export const markAttended = (em: EntityManager, rowId: string, attended: boolean) =>
  boundSql(em, `update participation set attended = $2 where id = $1`, [rowId, attended]);
export const setHours = (em: EntityManager, id: string, hours: number) => boundSql(em, `update encounter set hours = $2 where id = $1`, [id, hours]);
export const removeRow = (em: EntityManager, rowId: string) => boundSql(em, `delete from participation where id = $1`, [rowId]);
export const removeEncounter = (em: EntityManager, id: string) => boundSql(em, `delete from encounter where id = $1`, [id]);
/** An encounter (and its register) moved to another school, maybe of another trust: as a correction of a wrong school would. */
export const move = async (em: EntityManager, id: string, school: School) => {
  await boundSql(em, `update encounter set school_id = $2, trust_id = $3 where id = $1`, [id, school.id, school.trustId]);
  await boundSql(em, `update participation set school_id = $2, trust_id = $3 where encounter_id = $1`, [id, school.id, school.trustId]);
};

/**
 * Random writes for the property tests: new encounters with registers, attendance marked, hours
 * changed, register rows and encounters deleted, encounters moved between schools of both trusts.
 * `encounterIds` and `rowIds` collect what was made, for later writes to pick from.
 */
export function randomEncounterWrites(random: SeededRandom, schools: School[], pupilsAt: (schoolId: string) => string[], details: TalkDetails = {}) {
  const encounterIds: string[] = [];
  const rowIds: string[] = [];
  const randomOp = (): WriteOp => {
    const roll = random.next();
    if (roll < 0.25 || encounterIds.length === 0) {
      const school = random.pick(schools);
      const pupils = pupilsAt(school.id).slice(Math.floor(random.next() * 10), 12);
      return async (em) => {
        const made = await insertEncounter(em, school, pupils.slice(0, 1 + Math.floor(random.next() * 3)), details);
        encounterIds.push(made.id);
        rowIds.push(...made.rows);
      };
    }
    if (roll < 0.55 && rowIds.length > 0) {
      const [rowId, attended] = [random.pick(rowIds), random.next() < 0.5];
      return (em) => markAttended(em, rowId, attended);
    }
    const id = random.pick(encounterIds);
    if (roll < 0.65) return (em) => setHours(em, id, 1 + Math.floor(random.next() * 5));
    if (roll < 0.75 && rowIds.length > 0) {
      const rowId = random.pick(rowIds);
      return (em) => removeRow(em, rowId);
    }
    if (roll < 0.85) return (em) => removeEncounter(em, id);
    const school = random.pick(schools);
    return (em) => move(em, id, school);
  };
  return { randomOp, encounterIds, rowIds };
}
