import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Orm } from '@waymark/subgraph-kit';
import { testDatabase } from '@waymark/subgraph-kit/testing';
import { pupilsService } from '../app.js';
import { unpackRosterRows } from '../modules/roster-import/roster-stored-rows.js';

const BEFORE = 'Migration20261123151206';
const OLD = '0e5f1e1d-0000-4000-8000-00000000a001';
const HERE = '0e5f1e1d-0000-4000-8000-00000000a002';
const pupilId = (n: number) => `0e5f1e1d-0000-4000-8000-0000000b000${n}`;
const enrolmentId = (n: number) => `0e5f1e1d-0000-4000-8000-0000000c000${n}`;
const IMPORT = '0e5f1e1d-0000-4000-8000-00000000d001';
const storedRows = [{ line: 2, upn: 'A123456789012', legalSurname: 'Okafor', legalForename: 'Maya', dateOfBirth: '2011-04-03', yearGroup: 10, eal: true }];

const db = testDatabase('pupils');
let orm: Orm;
const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => orm.em.fork().execute<T[]>(query, params);

/** A database as the migration before this one left it, with enrolments as they were kept then. */
beforeAll(async () => {
  orm = await openDatabase({ service: 'pupils', entities: pupilsService.entities, migrations: pupilsService.migrations, ...db.options, migrate: false });
  await orm.migrator.up({ to: BEFORE });
  await sql(`insert into school (id, trust_id, name, urn, local_authority) values (?, null, 'Old', '800001', 'Leeds'), (?, null, 'Here', '800002', 'Leeds')`, [
    OLD,
    HERE,
  ]);
  const pupil = (n: number, leftOn: string | null) =>
    sql(
      `insert into pupil (id, school_id, trust_id, upn, legal_forename, legal_surname, date_of_birth, year_group, left_on)
       values (?, ?, null, ?, 'F', 'S', '2011-04-03', 10, ?)`,
      [pupilId(n), HERE, `A00000000000${n}`, leftOn],
    );
  const enrolment = (n: number, pupil: number, schoolId: string, startedOn: string, leftOn: string | null) =>
    sql('insert into enrolment (id, pupil_id, school_id, trust_id, started_on, left_on) values (?, ?, ?, null, ?, ?)', [
      enrolmentId(n),
      pupilId(pupil),
      schoolId,
      startedOn,
      leftOn,
    ]);
  // 1: moved here from Old; 2: left here; 3: no enrolment at all; 4: an older period here never closed.
  await pupil(1, null);
  await enrolment(1, 1, OLD, '2019-09-01', '2021-07-20');
  await enrolment(2, 1, HERE, '2021-09-01', null);
  await pupil(2, '2025-07-20');
  await enrolment(3, 2, HERE, '2020-09-01', '2025-07-20');
  await pupil(3, null);
  await pupil(4, null);
  await enrolment(4, 4, HERE, '2018-09-01', null);
  await enrolment(5, 4, HERE, '2022-01-10', null);
  await sql(
    `insert into roster_import (id, school_id, created_by_id, created_by_name, created_by_kind, status, full_roster, total_rows, to_add, to_change, to_mark_left,
       unchanged, transfers_in, rejected, columns, unmapped_columns, missing_fields, rows, protected_upns, fingerprint, created_at)
     values (?, ?, 'a', 'A', 'user', 'PREVIEWED', false, 1, 1, 0, 0, 0, 0, '[]', '[]', '[]', '[]', ?, '[]', '', now())`,
    [IMPORT, HERE, JSON.stringify(storedRows)],
  );
  await orm.migrator.up();
}, 60_000);

afterAll(async () => {
  await orm?.close(true);
  await db.dispose();
});

describe('moving the latest period onto the pupil row', () => {
  it("keeps each pupil's latest period at their school on their row, and the periods before as enrolments", async () => {
    const pupils = await sql<{ id: string; enrolled_on: string; left_on: string | null }>('select id, enrolled_on::text, left_on::text from pupil order by id');
    const periods = await sql<{ id: string; left_on: string | null }>('select id, left_on::text from enrolment order by id');
    expect(pupils.map((p) => [p.enrolled_on, p.left_on])).toEqual([
      ['2021-09-01', null],
      ['2020-09-01', '2025-07-20'],
      [expect.stringMatching(/^\d{4}-09-01$/), null],
      ['2022-01-10', null],
    ]);
    // The older period at the same school, never closed, ended when the latest began.
    expect(periods).toEqual([
      { id: enrolmentId(1), left_on: '2021-07-20' },
      { id: enrolmentId(4), left_on: '2022-01-10' },
    ]);
  });

  it("keeps a previewed import's rows readable for its commit", async () => {
    const [stored] = await sql<{ rows: Uint8Array }>('select rows from roster_import where id = ?', [IMPORT]);
    expect(await unpackRosterRows(stored.rows)).toEqual(storedRows);
  });
});
