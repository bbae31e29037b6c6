import type { GraphQLSchema } from 'graphql';
import { actAsAppRole, openDatabase, type DatabaseOptions, type Orm } from './database.js';
import { createSubgraphServer, type SubgraphServer, type SubgraphServerOptions } from './server.js';
import type { ServiceEnv } from './env.js';
import { scheduleHousekeeping, type HousekeepingJob } from './housekeeping.js';
import { flushSystemAccessSummary } from './tenancy.js';

export interface ServiceDefinition {
  name: string;
  entities: DatabaseOptions['entities'];
  migrations: DatabaseOptions['migrations'];
  buildSchema: () => Promise<GraphQLSchema>;
  /** Fills an empty database with the demo data set. */
  seed?: (orm: Orm, options: { secondTrust: boolean }) => Promise<void>;
  routes?: (orm: Orm) => SubgraphServerOptions['routes'];
  /** Jobs the running service does by itself (retention purges and the like); not run in tests' apps. */
  housekeeping?: HousekeepingJob[];
  /**
   * The service's migrations put its school and pupil tables under row-level security and grant the
   * application role (tenancy.ts): once started, all its connections act as that role.
   */
  rowSecurity?: boolean;
}

function serviceDatabaseOptions(definition: ServiceDefinition, env: ServiceEnv): DatabaseOptions {
  return {
    migrate: env.migrate === 'skip' ? 'refuse-pending' : true,
    service: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
    databaseUrl: env.databaseUrl,
    databasePrefix: env.databasePrefix,
    dataDir: env.dataDir,
    fromTemplate: env.databaseTemplates,
  };
}

export async function openServiceDatabase(definition: ServiceDefinition, env: ServiceEnv): Promise<Orm> {
  return openDatabase(serviceDatabaseOptions(definition, env));
}

/**
 * `createApp({ env, orm })`: the same factory `main.ts` and the tests use. `deps` becomes every
 * request's `ctx.deps`: built once per app by the service, from the app's own configuration.
 */
export async function createServiceApp(
  definition: ServiceDefinition,
  { env, orm, deps }: { env: Pick<ServiceEnv, 'publicKeyPem' | 'nodeEnv'>; orm: Orm; deps?: object },
): Promise<SubgraphServer> {
  return createSubgraphServer({
    name: definition.name,
    schema: await definition.buildSchema(),
    orm,
    publicKeyPem: env.publicKeyPem,
    development: env.nodeEnv !== 'production',
    routes: definition.routes?.(orm),
    deps,
    rowSecurity: definition.rowSecurity ?? false,
  });
}

/** The body of every `main.ts`: env → database (migrated, seeded) → listen; stops cleanly. `deps` as for createServiceApp. */
export async function runService(definition: ServiceDefinition, env: ServiceEnv, deps?: object): Promise<void> {
  let orm = await openServiceDatabase(definition, env);
  if (env.migrate === 'only') {
    // The deployment's migration job: migrated (above), nothing to serve.
    await orm.close(true);
    process.stderr.write(`[${definition.name}] migrations applied\n`);
    process.exit(0);
  }
  if (env.seedDemo && definition.seed) await definition.seed(orm, { secondTrust: env.demoSecondTrust });
  // Migrated and seeded as the owner; from now on as the application role.
  if (definition.rowSecurity) orm = await actAsAppRole(orm, serviceDatabaseOptions(definition, env));
  const app = await createServiceApp(definition, { env, orm, deps });
  const port = await app.listen(env.port, env.host);
  process.stderr.write(`[${definition.name}] ready on http://127.0.0.1:${port}/graphql\n`);
  const stopHousekeeping = scheduleHousekeeping(definition.name, definition.housekeeping ?? [], orm);
  const stop = async () => {
    stopHousekeeping();
    flushSystemAccessSummary();
    await app.close();
    await orm.close(true);
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}
