import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import { openDatabase, type DatabaseOptions } from './database.js';

/** The SDL a subgraph publishes: what `schema.graphql` holds and the composition reads. */
export function subgraphSdl(schema: GraphQLSchema): string {
  return `${printSubgraphSchema(schema).trim()}\n`;
}

/** Writes or checks the committed `schema.graphql`. Returns false when `check` finds drift. */
export function emitSchemaFile(schema: GraphQLSchema, file: string, check: boolean): boolean {
  const sdl = subgraphSdl(schema);
  if (check) {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      // missing counts as drift
    }
    return current === sdl;
  }
  writeFileSync(file, sdl);
  return true;
}

/**
 * Generates a migration for whatever the entities changed since the committed migrations (run on
 * a throwaway in-memory database), then rewrites `migrations/index.ts` to list every migration.
 * With `check`, only reports whether a migration is needed.
 */
export async function createMigration(
  options: Omit<DatabaseOptions, 'databaseUrl' | 'dataDir'>,
  migrationsDir: string,
  check: boolean,
): Promise<{ needed: boolean; file?: string }> {
  const orm = await openDatabase({ ...options, dataDir: 'memory://' });
  try {
    const needed = await orm.migrator.checkSchema();
    if (!needed || check) return { needed };
    orm.config.get('migrations').path = migrationsDir;
    const result = await orm.migrator.create(migrationsDir);
    writeMigrationIndex(migrationsDir);
    return { needed, file: result.fileName };
  } finally {
    await orm.close(true);
  }
}

export function writeMigrationIndex(migrationsDir: string): void {
  const files = readdirSync(migrationsDir)
    .filter((file) => /^Migration\d+.*\.ts$/.test(file))
    .sort();
  const names = files.map((file) => file.replace(/\.ts$/, ''));
  const lines = [
    '// Listed by `pnpm migration:create`; the order is the order they run in.',
    ...names.map((name) => `import { ${name} } from './${name}.js';`),
    '',
    'export const migrations = [',
    ...names.map((name) => `  { name: '${name}', class: ${name} },`),
    '];',
    '',
  ];
  writeFileSync(join(migrationsDir, 'index.ts'), lines.join('\n'));
}

/**
 * The per-service maintenance commands, so every service's `src/tool.ts` is one line:
 * `emit` writes schema.graphql, `check` fails when it or the migrations lag behind the code,
 * `migration` generates a migration for entity changes.
 */
export async function runServiceTool(
  definition: { name: string; entities: DatabaseOptions['entities']; migrations: DatabaseOptions['migrations']; buildSchema: () => Promise<GraphQLSchema> },
  serviceRoot: URL,
  command: string | undefined,
): Promise<number> {
  const schemaFile = new URL('schema.graphql', serviceRoot).pathname;
  const migrationsDir = new URL('src/migrations', serviceRoot).pathname;
  const dbOptions = { service: definition.name, entities: definition.entities, migrations: definition.migrations };
  switch (command) {
    case 'emit':
      emitSchemaFile(await definition.buildSchema(), schemaFile, false);
      console.log(`${definition.name}: wrote schema.graphql`);
      return 0;
    case 'migration': {
      const result = await createMigration(dbOptions, migrationsDir, false);
      console.log(result.needed ? `${definition.name}: created ${result.file}` : `${definition.name}: no entity changes, no migration needed`);
      return 0;
    }
    case 'check': {
      const schemaOk = emitSchemaFile(await definition.buildSchema(), schemaFile, true);
      const migration = await createMigration(dbOptions, migrationsDir, true);
      if (!schemaOk) console.error(`${definition.name}: schema.graphql is stale; run \`pnpm --filter @waymark/${definition.name} emit-schema\``);
      if (migration.needed)
        console.error(`${definition.name}: entities changed without a migration; run \`pnpm --filter @waymark/${definition.name} migration:create\``);
      if (schemaOk && !migration.needed) console.log(`${definition.name}: schema.graphql and migrations are up to date`);
      return schemaOk && !migration.needed ? 0 : 1;
    }
    default:
      console.error('usage: tool.js emit | check | migration');
      return 2;
  }
}
