import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { demoData } from '@waymark/demo-data';
import { makeUpn, todayInEngland } from '@waymark/domain';
import { dropStackDatabases, freeStackPorts, startStack } from '@waymark/stack';
import { copyRows, type CopyValue } from './copy.js';
import type { Result } from './measure.js';

const LEAVERS = 2_500;
const SPELLS_EACH = 4;

const IMPORT = `mutation ($input: SpellImportInput!) {
  importActivitySpells(input: $input) { lines spells leavers problems { line column message } error { code message } }
}`;

interface Spell {
  activity: string;
  providerKind: string | null;
  level: number | null;
  provider: string | null;
  startsOn: string;
  endsOn: string | null;
}

/** Four spells for a leaver of `year`: college, a job with training, an apprenticeship, and a gap. */
function spellsOf(year: number, i: number): Spell[] {
  return [
    { activity: 'EDUCATION', providerKind: 'FE_COLLEGE', level: null, provider: `College ${i % 40}`, startsOn: `${year}-09-04`, endsOn: `${year + 1}-07-10` },
    {
      activity: 'EMPLOYMENT_WITH_TRAINING',
      providerKind: null,
      level: null,
      provider: `Employer ${i % 300}`,
      startsOn: `${year + 1}-08-01`,
      endsOn: `${year + 1}-12-20`,
    },
    { activity: 'APPRENTICESHIP', providerKind: null, level: 2 + (i % 6), provider: `Provider ${i % 90}`, startsOn: `${year + 2}-01-06`, endsOn: null },
    { activity: 'NOT_KNOWN', providerKind: null, level: null, provider: null, startsOn: `${year + 1}-12-21`, endsOn: `${year + 2}-01-05` },
  ];
}

const LABEL: Record<string, string> = {
  EDUCATION: 'Education',
  EMPLOYMENT_WITH_TRAINING: 'Employment with training',
  APPRENTICESHIP: 'Apprenticeship',
  NOT_KNOWN: 'Not known',
};
const dmy = (day: string) => day.split('-').reverse().join('/');

/**
 * A careers leader importing a confirmation file of 10,000 lines (2,500 leavers, four spells each)
 * through the real gateway and subgraphs (`importActivitySpells`: parse, match UPNs among the followed
 * leavers, every check, one transaction), against PostgreSQL COPY of the same rows into the same
 * table (`activity_spell`). Target (docs/performance-targets.md, as the roster import): at least half
 * the speed of COPY, so time ≤ 2 × COPY's. Best of three each, interleaved; the rows are deleted
 * between runs.
 */
export async function spellImportScenario(root: string, databaseUrl: string): Promise<Result> {
  const prefix = `waymark_bench_${randomBytes(3).toString('hex')}_`;
  const work = mkdtempSync(join(tmpdir(), 'waymark-bench-'));
  const stack = await startStack({
    root,
    ...(await freeStackPorts()),
    dataDir: work,
    databaseUrl,
    databasePrefix: prefix,
    seedDemo: true,
    env: { NODE_ENV: 'production' },
    log: () => {},
  });
  const connect = async (service: string) => {
    const url = new URL(databaseUrl);
    url.pathname = `/${prefix}${service}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    return client;
  };
  const [pupils, destinations] = await Promise.all([connect('pupils'), connect('destinations')]);
  try {
    const data = demoData();
    const school = data.schools[0];
    const today = todayInEngland();
    const year = Number(today.slice(0, 4));
    // A summer whose leavers are followed whatever the day.
    const leavingYear = today >= `${year}-06-01` ? year - 1 : year - 2;
    const leavers = Array.from({ length: LEAVERS }, (_, i) => ({ id: randomUUID(), upn: makeUpn(`7${String(i).padStart(11, '0')}`) }));
    await copyRows(
      pupils,
      'pupil',
      ['id', 'school_id', 'trust_id', 'upn', 'legal_forename', 'legal_surname', 'date_of_birth', 'enrolled_on', 'left_on', 'destination_tracking'],
      leavers.map((leaver, i): CopyValue[] => [
        leaver.id,
        school.id,
        school.trustId,
        leaver.upn,
        `Leaver${i}`,
        'Bench',
        `${leavingYear - 17}-12-01`,
        `${leavingYear - 5}-09-01`,
        `${leavingYear}-07-20`,
        true,
      ]),
    );
    const lines = ['UPN,Activity,Provider kind,Apprenticeship level,Provider,Start date,End date'];
    const rows: CopyValue[][] = [];
    const enteredAt = new Date().toISOString();
    leavers.forEach((leaver, i) => {
      for (const spell of spellsOf(leavingYear, i)) {
        lines.push(
          [
            leaver.upn,
            LABEL[spell.activity],
            spell.providerKind ? 'Further education college' : '',
            spell.level ?? '',
            spell.provider ?? '',
            i % 2 === 0 ? spell.startsOn : dmy(spell.startsOn),
            spell.endsOn ?? '',
          ].join(','),
        );
        rows.push([
          randomUUID(),
          leaver.id,
          school.id,
          school.trustId,
          leavingYear,
          spell.activity,
          spell.providerKind,
          spell.level,
          spell.provider,
          spell.startsOn,
          spell.endsOn,
          'LA_CONFIRMATION',
          true,
          'bench',
          enteredAt,
        ]);
      }
    });
    const csv = `${lines.join('\r\n')}\r\n`;
    const ids = leavers.map((leaver) => leaver.id);
    const clear = () => destinations.query('delete from activity_spell where pupil_id = any($1::uuid[])', [ids]);

    const signIn = await fetch(`${stack.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'leader@northfield.test', password: 'waymark-demo' }),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    const importTime = async () => {
      const started = process.hrtime.bigint();
      const response = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: IMPORT, variables: { input: { csv } } }),
      });
      const body = (await response.json()) as { errors?: unknown[]; data?: { importActivitySpells: { spells: number; problems: unknown[]; error: unknown } } };
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      const answer = body.data?.importActivitySpells;
      if (body.errors || !answer || answer.error || answer.spells !== LEAVERS * SPELLS_EACH)
        throw new Error(`the import failed: ${JSON.stringify(body.errors ?? answer?.error ?? answer?.problems.slice(0, 3))}`);
      return elapsed;
    };
    const copyTime = async () => {
      const started = process.hrtime.bigint();
      await copyRows(
        destinations,
        'activity_spell',
        [
          'id',
          'pupil_id',
          'school_id',
          'trust_id',
          'leaving_year',
          'activity',
          'provider_kind',
          'apprenticeship_level',
          'provider',
          'starts_on',
          'ends_on',
          'source',
          'confirmed',
          'entered_by_id',
          'entered_at',
        ],
        rows,
      );
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const imports: number[] = [];
    const copies: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      imports.push(await importTime());
      await clear();
      copies.push(await copyTime());
      await clear();
    }
    const value = Math.min(...imports);
    const floor = Math.min(...copies);
    return {
      name: 'confirmation file of 10,000 spells through the gateway vs COPY',
      value: Math.round(value),
      floor: Math.round(floor),
      ratio: Math.round((value / floor) * 100) / 100,
      target: '≤ 2 × COPY (≥ 0.5× its speed)',
      unit: 'ms',
      pass: value <= 2 * floor,
    };
  } finally {
    await Promise.all([pupils.end(), destinations.end()]);
    await stack.stop();
    await dropStackDatabases(databaseUrl, prefix);
    rmSync(work, { recursive: true, force: true });
  }
}
