import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgliteDriver } from '@mikro-orm/pglite';
import { academicYearOf } from '@waymark/domain';
import type { Orm } from '@waymark/subgraph-kit';
import { asRequest, makePrincipal, startTestSubgraph, type SubgraphTestClient, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';
import { School, Trust } from '../school/school.entity.js';
import { RosterImportService } from './roster-import.service.js';
import { commit, generatePupils, rosterRows, waitForImport } from '../../../test/roster-fixtures.js';

const TRUST = '0e5f1e1d-0000-4000-8000-0000000000aa';
const SCHOOL = '0e5f1e1d-0000-4000-8000-0000000000ab';
const integration = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: TRUST, scopes: ['roster:write'], displayName: 'Trust MIS sync' });
const academicYear = academicYearOf(new Date());
const ROWS = 25_000;

let subgraph: TestSubgraph;
let orm: Orm;
let client: SubgraphTestClient;

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp, { seed: false });
  ({ orm, client } = subgraph);
  const em = orm.em.fork();
  em.create(Trust, { id: TRUST, name: 'Big Trust' });
  em.create(School, { id: SCHOOL, trustId: TRUST, name: 'Trust-wide roll', urn: '910001', localAuthority: 'Leeds' });
  await em.flush();
});

afterAll(() => subgraph?.close());

const count = async (table: string) => (await orm.em.fork().execute<{ n: number }[]>(`select count(*)::int as n from ${table}`))[0].n;

describe('a 25,000-row trust file', () => {
  // The file is larger than the subgraph's request body limit, so it is previewed through the
  // service; the commit and the progress polls go through the API as an integration's would.
  it('previews and commits in one transaction, with progress a poll can see, then finds it unchanged', async () => {
    const rows = rosterRows(generatePupils(ROWS, { seed: 20, academicYear }));
    rows[123] = { ...rows[123], dateOfBirth: '31/02/2012' };

    let started = Date.now();
    const previewed = await asRequest(orm, integration, (em) => new RosterImportService(em).preview(integration, { rows, fullRoster: true, schoolId: SCHOOL }));
    const previewMs = Date.now() - started;
    expect(previewed.error).toBeNull();
    expect(previewed.rosterImport).toMatchObject({
      totalRows: ROWS,
      toAdd: ROWS - 1,
      rejected: [expect.objectContaining({ line: 124, field: 'dateOfBirth' })],
    });

    started = Date.now();
    const begun = await commit(client, integration, previewed.rosterImport!.id);
    expect(begun.import).toMatchObject({ status: 'COMMITTING', processedRows: 0 });
    const { final, seen } = await waitForImport(client, integration, previewed.rosterImport!.id, { intervalMs: 100 });
    const commitMs = Date.now() - started;
    expect(final).toMatchObject({ status: 'COMMITTED', processedRows: ROWS });
    // On PostgreSQL a poll reads the running commit's progress between its batches. PGlite has one
    // connection, which the commit's transaction holds until it ends, and every request is a
    // transaction of its own (docs/security.md, "Row-level security"), so there a poll waits for the
    // end (docs/architecture.md, "The embedded database").
    if (!(orm.em.getDriver() instanceof PgliteDriver)) expect(seen.some((n) => n > 0 && n < ROWS)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(await count('pupil')).toBe(ROWS - 1);
    // A school's first import writes pupil rows only: each holds its period here and the flags it starts with.
    expect(
      await count(
        `pupil where school_id = '${SCHOOL}' and enrolled_on is not null and left_on is null and baseline_import_id = '${previewed.rosterImport!.id}'`,
      ),
    ).toBe(ROWS - 1);
    expect(await count('enrolment')).toBe(0);
    expect(await count('flag_change')).toBe(0);

    started = Date.now();
    const again = await asRequest(orm, integration, (em) => new RosterImportService(em).preview(integration, { rows, fullRoster: true, schoolId: SCHOOL }));
    const secondPreviewMs = Date.now() - started;
    expect(again.rosterImport).toMatchObject({ unchanged: ROWS - 1, toAdd: 0, toChange: 0, toMarkLeft: 0 });

    const [{ ms }] = await orm.em
      .fork()
      .execute<{ ms: number }[]>('select round(extract(epoch from committed_at - commit_started_at) * 1000)::int as ms from roster_import where id = ?', [
        previewed.rosterImport!.id,
      ]);
    const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
    console.info(
      `${engine}, ${ROWS.toLocaleString('en-GB')} rows: preview ${previewMs} ms; commit ${ms} ms in the database, ${commitMs} ms until a poll saw it ` +
        `(${seen.length} polls answered meanwhile); second preview ${secondPreviewMs} ms`,
    );
  }, 300_000);
});
