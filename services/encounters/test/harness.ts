import 'reflect-metadata';
import type { IncomingMessage } from 'node:http';
import { openDatabase, type Orm, type SubgraphServer } from '@waymark/subgraph-kit';
import { SubgraphTestClient, testDatabase, testKeys } from '@waymark/subgraph-kit/testing';
import { createApp as createPupilsApp, pupilsService } from '@waymark/pupils';
import { createApp, encountersService } from '../src/app.js';
import { startPupilsStandIn, type PupilsStandIn, type StandInFixture } from '@waymark/subgraph-kit/testing';

export interface Harness {
  /** The encounters subgraph's own database. */
  orm: Orm;
  /** Calls the encounters subgraph as the gateway would; it asks the real pupils subgraph. */
  client: SubgraphTestClient;
  /** Calls the real pupils subgraph directly (to read the data access log, say). */
  pupils: SubgraphTestClient;
  /** How many GraphQL requests the real pupils subgraph has received so far (to count a request's calls to it). */
  pupilsRequests(): number;
  /** The pupils subgraph's contract stand-in for `Pupil.recordAccess` (see pupils-stand-in.ts). */
  standIn: PupilsStandIn;
  /** Calls another encounters app on the same database, which asks the stand-in instead. */
  standInClient: SubgraphTestClient;
  /** Yet another app on the same database, asking the pupils subgraph at `pupilsUrl`. */
  clientFor(pupilsUrl: string): Promise<SubgraphTestClient>;
  close(): Promise<void>;
}

/**
 * A seeded encounters subgraph, plus a seeded pupils subgraph it asks about registers, both on real
 * databases (PGlite, or throwaway PostgreSQL databases when DATABASE_URL is set); and, for what the
 * real pupils subgraph cannot answer yet (`Pupil.recordAccess`), a contract stand-in answering from
 * `fixture` with a second encounters app asking it. `secondTrust` seeds the demo's second trust too (its own
 * school, analyst and pupils), for tests that one trust's callers never reach another's.
 */
export async function startHarness(
  fixture: StandInFixture = { pupils: [], parentAccessSchoolIds: [] },
  { secondTrust = false }: { secondTrust?: boolean } = {},
): Promise<Harness> {
  const env = { publicKeyPem: testKeys().publicKeyPem, nodeEnv: 'test' as const };
  const pupilsDb = testDatabase('pupils');
  const db = testDatabase('encounters');
  let pupilsOrm: Orm | undefined;
  let pupilsApp: SubgraphServer | undefined;
  let orm: Orm | undefined;
  let standIn: PupilsStandIn | undefined;
  const apps: SubgraphServer[] = [];
  let pupilsRequestCount = 0;
  const close = async () => {
    for (const app of apps) await app.close();
    await standIn?.close();
    await pupilsApp?.close();
    await orm?.close(true);
    await pupilsOrm?.close(true);
    await db.dispose();
    await pupilsDb.dispose();
  };
  try {
    pupilsOrm = await openDatabase({ service: 'pupils', entities: pupilsService.entities, migrations: pupilsService.migrations, ...pupilsDb.options });
    await pupilsService.seed!(pupilsOrm, { secondTrust });
    pupilsApp = await createPupilsApp({ env, orm: pupilsOrm });
    pupilsApp.http.on('request', (req: IncomingMessage) => {
      if (req.url?.startsWith('/graphql')) pupilsRequestCount += 1;
    });
    const pupils = await SubgraphTestClient.start(pupilsApp);

    orm = await openDatabase({ service: 'encounters', entities: encountersService.entities, migrations: encountersService.migrations, ...db.options });
    await encountersService.seed!(orm, { secondTrust });
    const opened = orm;
    const clientFor = async (pupilsUrl: string) => {
      const app = await createApp({ env: { ...env, pupilsUrl }, orm: opened });
      apps.push(app);
      return SubgraphTestClient.start(app);
    };
    const client = await clientFor(`${pupils.baseUrl}/graphql`);
    standIn = await startPupilsStandIn(fixture);
    const standInClient = await clientFor(standIn.url);
    return { orm, client, pupils, pupilsRequests: () => pupilsRequestCount, standIn, standInClient, clientFor, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export { countStatements } from '@waymark/subgraph-kit/testing';
