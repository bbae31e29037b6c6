import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { demoData } from '@waymark/demo-data';
import { dropStackDatabases, freeStackPorts, startStack } from '@waymark/stack';
import { percentile, sideBySide, type Result } from './measure.js';

const FIGURES = `{
  destinationAnalytics {
    exact leavingYears
    rows { leavingYear schoolId group leavers { count suppressed }
      categories { category intended { count suppressed } september { count suppressed } current { count suppressed } }
      sustained { count percent suppressed } intentionMet { count percent suppressed } }
  }
}`;

/**
 * A trust analyst without pupil-level access reading the destination figures of every school of the
 * demo trust (docs/api-contract.md, "Destination figures") through the real gateway and subgraphs,
 * against hand-written SQL reading the same rows on the same PostgreSQL databases (each leaving
 * year's leavers on 1 June with their schools, flags and opt-outs; every spell and Year 11 intention
 * of the trust), interleaved in one run. Target: p95 within 2× the floor + 10 ms, as the school
 * overview's.
 */
export async function destinationFiguresScenario(root: string, databaseUrl: string): Promise<Result> {
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
    const trust = demoData().trust.id;
    const signIn = await fetch(`${stack.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'trust@waymark-trust.test', password: 'waymark-demo' }),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    const viaGateway = async (): Promise<{ leavingYears: number[] }> => {
      const response = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: FIGURES }),
      });
      const body = (await response.json()) as { errors?: unknown[]; data?: { destinationAnalytics: { exact: boolean; leavingYears: number[] } } };
      if (body.errors || !body.data) throw new Error(`destination figures failed: ${JSON.stringify(body.errors)}`);
      if (body.data.destinationAnalytics.exact) throw new Error('the bench analyst should not see exact figures');
      return body.data.destinationAnalytics;
    };
    const { leavingYears } = await viaGateway();
    const floor = async () => {
      await Promise.all(
        leavingYears.map((year) =>
          pupils.query(
            `select p.id, p.school_id, p.disadvantaged, p.local_authority_sharing_opt_out
               from pupil p
              where p.trust_id = $1 and (p.left_on is null or p.left_on > $2::date)
                and extract(year from p.date_of_birth)::int - (extract(month from p.date_of_birth) < 9)::int + 17 = $3`,
            [trust, `${year}-06-01`, year],
          ),
        ),
      );
      await destinations.query('select distinct leaving_year from activity_spell where trust_id = $1', [trust]);
      await destinations.query(
        'select pupil_id, activity, provider_kind, starts_on, ends_on from activity_spell where trust_id = $1 order by pupil_id, entered_at, id',
        [trust],
      );
      await destinations.query(
        'select distinct on (pupil_id) pupil_id, kind from intention where trust_id = $1 and year_group = 11 order by pupil_id, entered_at desc, id desc',
        [trust],
      );
    };
    // Steady state, as for the school overview: 300 rounds warm every process before 300 are measured.
    const [gatewayTimes, floorTimes] = await sideBySide(viaGateway, floor, 300, 300);
    const value = percentile(gatewayTimes, 95);
    const floorP95 = percentile(floorTimes, 95);
    return {
      name: "trust's destination figures through the gateway, analyst without pupil-level access (p95)",
      value: round(value),
      floor: round(floorP95),
      ratio: round(value / floorP95),
      target: '≤ 2 × floor + 10 ms',
      unit: 'ms',
      pass: value <= 2 * floorP95 + 10,
    };
  } finally {
    await Promise.all([pupils.end(), destinations.end()]);
    await stack.stop();
    await dropStackDatabases(databaseUrl, prefix);
    rmSync(work, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
