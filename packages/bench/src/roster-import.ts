import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase, type Orm } from '@waymark/subgraph-kit';
import { SubgraphTestClient, makePrincipal, testDatabase, testKeys } from '@waymark/subgraph-kit/testing';
import { pupilsService, createApp } from '@waymark/pupils';
import { demoData } from '@waymark/demo-data';
import { makeUpn } from '@waymark/domain';
import type { Result } from './measure.js';

const ROWS = 25_000;

interface RosterRow {
  upn: string;
  surname: string;
  forename: string;
  dob: string;
  year: number;
  reg: string;
  sen: string;
  fsm: string;
  eal: string;
}

function rosterRows(): RosterRow[] {
  return Array.from({ length: ROWS }, (_, i) => {
    const year = 7 + (i % 7);
    const birthYear = 2026 - 12 - (year - 7);
    return {
      upn: makeUpn(`8${String(i).padStart(11, '0')}`),
      surname: `Surname${i}`,
      forename: `Forename${i % 500}`,
      dob: `${String(1 + (i % 28)).padStart(2, '0')}/${String(9 + (i % 4)).padStart(2, '0')}/${birthYear}`,
      year,
      reg: `${year}R${1 + (i % 8)}`,
      sen: i % 9 === 0 ? 'K' : i % 40 === 0 ? 'E' : 'N',
      fsm: i % 4 === 0 ? 'Y' : 'N',
      eal: i % 6 === 0 ? 'Y' : 'N',
    };
  });
}

function csvOf(rows: RosterRow[]): string {
  const lines = ['UPN,Legal Surname,Legal Forename,DOB,Year,Reg Group,SEN Status,FSM,EAL'];
  for (const r of rows) lines.push([r.upn, r.surname, r.forename, r.dob, r.year, r.reg, r.sen, r.fsm, r.eal].join(','));
  return `${lines.join('\r\n')}\r\n`;
}

async function freshPupilsDatabase(): Promise<{ orm: Orm; dispose: () => Promise<void>; url: string }> {
  const db = testDatabase('pupils');
  const orm = await openDatabase({ service: 'pupils', entities: pupilsService.entities, migrations: pupilsService.migrations, ...db.options });
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${db.options.databasePrefix}pupils`;
  return {
    orm,
    url: url.toString(),
    dispose: async () => {
      await orm.close(true);
      await db.dispose();
    },
  };
}

/** PostgreSQL COPY of the same rows into the same table: the floor an importer is measured against. */
async function copyFloor(rows: RosterRow[], schoolId: string, trustId: string): Promise<number> {
  const { url, dispose } = await freshPupilsDatabase();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const toIso = (dob: string) => dob.split('/').reverse().join('-');
    const text = rows
      .map((r) =>
        [
          randomUUID(),
          schoolId,
          trustId,
          r.upn,
          r.forename,
          r.surname,
          toIso(r.dob),
          r.year,
          r.reg,
          r.sen === 'K' ? 't' : 'f',
          r.sen === 'E' ? 't' : 'f',
          r.fsm === 'Y' ? 't' : 'f',
          r.eal === 'Y' ? 't' : 'f',
        ].join('\t'),
      )
      .join('\n');
    const started = process.hrtime.bigint();
    await pipeline(
      Readable.from([`${text}\n`]),
      client.query(
        copyFrom(
          'copy pupil (id, school_id, trust_id, upn, legal_forename, legal_surname, date_of_birth, year_group, tutor_group, sen_support, ehcp, disadvantaged, eal) from stdin',
        ),
      ),
    );
    return Number(process.hrtime.bigint() - started) / 1e6;
  } finally {
    await client.end();
    await dispose();
  }
}

/** The whole import as a leader runs it: preview (decode, parse, validate), then commit until done. */
async function importTime(csv: string, schoolId: string, trustId: string): Promise<number> {
  const { orm, dispose } = await freshPupilsDatabase();
  await pupilsService.seed!(orm, { secondTrust: false });
  const app = await createApp({ env: { publicKeyPem: testKeys().publicKeyPem, nodeEnv: 'test' }, orm });
  const client = await SubgraphTestClient.start(app);
  const leader = makePrincipal({ roles: ['careers_leader'], schoolId, trustId });
  try {
    const started = process.hrtime.bigint();
    const preview = await client.query<{ previewRosterImport: { import: { id: string; rejected: unknown[] } | null; error: unknown } }>(
      leader,
      'mutation ($input: RosterImportInput!) { previewRosterImport(input: $input) { import { id rejected { line reason } } error { message } } }',
      { input: { fileBase64: Buffer.from(csv).toString('base64'), fullRoster: false } },
    );
    const id = preview.data?.previewRosterImport.import?.id;
    if (!id) throw new Error(`preview failed: ${JSON.stringify(preview)}`);
    const rejected = preview.data!.previewRosterImport.import!.rejected.length;
    if (rejected > 0) throw new Error(`the bench file has ${rejected} rejected rows`);
    await client.query(leader, 'mutation ($id: ID!) { commitRosterImport(id: $id) { error { message } } }', { id });
    for (;;) {
      const state = await client.query<{ rosterImport: { status: string; failureMessage: string | null } }>(
        leader,
        'query ($id: ID!) { rosterImport(id: $id) { status failureMessage } }',
        { id },
      );
      const status = state.data?.rosterImport.status;
      if (status === 'COMMITTED') break;
      if (status !== 'COMMITTING') throw new Error(`import ended ${status}: ${state.data?.rosterImport.failureMessage}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return Number(process.hrtime.bigint() - started) / 1e6;
  } finally {
    await app.close();
    await dispose();
  }
}

/** The target (docs/performance-targets.md): the importer at least half the speed of COPY (time ≤ 2 × COPY's). Best of three each. */
export async function rosterImportScenario(): Promise<Result> {
  const data = demoData();
  const school = data.schools[0];
  const rows = rosterRows();
  const csv = csvOf(rows);
  const imports: number[] = [];
  const copies: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    imports.push(await importTime(csv, school.id, data.trust.id));
    copies.push(await copyFloor(rows, school.id, data.trust.id));
  }
  const value = Math.min(...imports);
  const floor = Math.min(...copies);
  return {
    name: 'roster import of 25,000 rows vs COPY',
    value: Math.round(value),
    floor: Math.round(floor),
    ratio: Math.round((value / floor) * 100) / 100,
    target: '≤ 2 × COPY (≥ 0.5× its speed)',
    unit: 'ms',
    pass: value <= 2 * floor,
  };
}
