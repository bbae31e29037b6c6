import 'reflect-metadata';
import { openDatabase, type Orm, type SubgraphServer } from '@waymark/subgraph-kit';
import { SubgraphTestClient, testDatabase, testKeys } from '@waymark/subgraph-kit/testing';
import { createApp as createPupilsApp, pupilsService } from '@waymark/pupils';
import { createApp, encountersService } from '../src/app.js';

export interface Harness {
  /** The encounters subgraph's own database. */
  orm: Orm;
  /** Calls the encounters subgraph as the gateway would. */
  client: SubgraphTestClient;
  close(): Promise<void>;
}

/**
 * A seeded encounters subgraph, plus a seeded pupils subgraph it asks about registers, both on real
 * databases (PGlite, or throwaway PostgreSQL databases when DATABASE_URL is set).
 */
export async function startHarness(): Promise<Harness> {
  const env = { publicKeyPem: testKeys().publicKeyPem, nodeEnv: 'test' as const };
  const pupilsDb = testDatabase('pupils');
  const db = testDatabase('encounters');
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
    await pupilsService.seed!(pupilsOrm);
    pupilsApp = await createPupilsApp({ env, orm: pupilsOrm });
    const pupils = await SubgraphTestClient.start(pupilsApp);

    orm = await openDatabase({ service: 'encounters', entities: encountersService.entities, migrations: encountersService.migrations, ...db.options });
    await encountersService.seed!(orm);
    app = await createApp({ env: { ...env, pupilsUrl: `${pupils.baseUrl}/graphql` }, orm });
    const client = await SubgraphTestClient.start(app);
    return { orm, client, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export { countStatements } from '@waymark/subgraph-kit/testing';
