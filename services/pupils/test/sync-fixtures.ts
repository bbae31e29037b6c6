import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { boundSql } from '@waymark/subgraph-kit';
import type { SeededRandom, WriteOp } from '@waymark/subgraph-kit/testing';

/*
 * The writes the pupils sync feed's tests make (the GraphQL pages' and the bulk stream's), straight to
 * the table as any writer would, in a transaction the test holds.
 */

type School = { id: string; trustId: string };

/** Inserts new pupils at a school, each with a UPN nobody else has (`mark` starts it), named `forename` Testpupil; answers the id. */
export function pupilInserter(mark: string, forename: string) {
  let serial = 0;
  return async (em: EntityManager, school: School, yearGroup = 9): Promise<string> => {
    const id = randomUUID();
    serial += 1;
    const upn = `${mark}${String(Date.now() % 1e6).padStart(6, '0')}${String(serial).padStart(6, '0')}`.slice(0, 13);
    await boundSql(
      em,
      `insert into pupil (id, school_id, trust_id, upn, legal_forename, legal_surname, date_of_birth, year_group, enrolled_on)
       values ($1, $2, $3, $4, $5, 'Testpupil', '2012-03-04', $6, current_date)`,
      [id, school.id, school.trustId, upn, forename, yearGroup],
    );
    return id;
  };
}

export const transfer = (em: EntityManager, pupilId: string, school: School) =>
  boundSql(em, `update pupil set school_id = $2, trust_id = $3 where id = $1`, [pupilId, school.id, school.trustId]);
export const setYear = (em: EntityManager, pupilId: string, yearGroup: number) =>
  boundSql(em, `update pupil set year_group = $2 where id = $1`, [pupilId, yearGroup]);
export const remove = (em: EntityManager, pupilId: string) => boundSql(em, `delete from pupil where id = $1`, [pupilId]);
export const pseudonymise = (em: EntityManager, pupilId: string) => boundSql(em, `update pupil set pseudonymised_at = now() where id = $1`, [pupilId]);

/**
 * Random writes for the property tests, on the pupils `ids` (new ones join it): new pupils, year groups
 * changed, transfers between schools of both trusts, deletions and pseudonymisations.
 */
export function randomPupilWrites(random: SeededRandom, schools: School[], ids: string[], insertPupil: ReturnType<typeof pupilInserter>): () => WriteOp {
  return () => {
    const roll = random.next();
    const target = random.pick(ids);
    if (roll < 0.2)
      return async (em) => {
        ids.push(await insertPupil(em, random.pick(schools), 7 + Math.floor(random.next() * 7)));
      };
    if (roll < 0.55) {
      const year = 7 + Math.floor(random.next() * 7);
      return (em) => setYear(em, target, year);
    }
    if (roll < 0.8) {
      const school = random.pick(schools);
      return (em) => transfer(em, target, school);
    }
    if (roll < 0.9) return (em) => remove(em, target);
    return (em) => pseudonymise(em, target);
  };
}
