import 'reflect-metadata';
import { openDatabase, type Orm, type SubgraphServer } from '@waymark/subgraph-kit';
import { SubgraphTestClient, testDatabase, testKeys } from '@waymark/subgraph-kit/testing';
import { createApp as createPupilsApp, pupilsService } from '@waymark/pupils';
import { createApp, destinationsService } from '../src/app.js';

export interface Harness {
  /** The destinations subgraph's own database. */
  orm: Orm;
  /** Calls the destinations subgraph as the gateway would; it asks the real, seeded pupils subgraph. */
  client: SubgraphTestClient;
  /** Calls the pupils subgraph directly (to set a pupil's consent, say). */
  pupils: SubgraphTestClient;
  /** The pupils subgraph's own database (to add pupils with a history the demo has none of). */
  pupilsOrm: Orm;
  close(): Promise<void>;
}

/**
 * A seeded destinations subgraph and the seeded pupils subgraph it asks about pupils (year groups,
 * who is on roll, record access), both on real databases (PGlite, or throwaway PostgreSQL databases
 * when DATABASE_URL is set). `employersUrl`: where it asks about alumni (a stand-in, say).
 */
export async function startHarness(options: { employersUrl?: string } = {}): Promise<Harness> {
  const env = { publicKeyPem: testKeys().publicKeyPem, nodeEnv: 'test' as const };
  const pupilsDb = testDatabase('pupils');
  const db = testDatabase('destinations');
  let pupilsOrm: Orm | undefined;
  let pupilsApp: SubgraphServer | undefined;
  let orm: Orm | undefined;
  let app: SubgraphServer | undefined;
  const close = async () => {
    await app?.close();
    await pupilsApp?.close();
    await orm?.close(true);
    await pupilsOrm?.close(true);
    await db.dispose();
    await pupilsDb.dispose();
  };
  try {
    pupilsOrm = await openDatabase({ service: 'pupils', entities: pupilsService.entities, migrations: pupilsService.migrations, ...pupilsDb.options });
    await pupilsService.seed!(pupilsOrm, { secondTrust: false });
    pupilsApp = await createPupilsApp({ env, orm: pupilsOrm });
    const pupils = await SubgraphTestClient.start(pupilsApp);
    orm = await openDatabase({ service: 'destinations', entities: destinationsService.entities, migrations: destinationsService.migrations, ...db.options });
    await destinationsService.seed!(orm, { secondTrust: false });
    app = await createApp({ env: { ...env, pupilsUrl: `${pupils.baseUrl}/graphql`, ...options }, orm });
    return { orm, client: await SubgraphTestClient.start(app), pupils, pupilsOrm, close };
  } catch (error) {
    await close();
    throw error;
  }
}
