// Shared Vitest settings for the Node packages. graphql is aliased to its CommonJS entry so Vite and
// Node never load two copies ("Cannot use GraphQLObjectType from another module").
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function nodeTestConfig(overrides = {}) {
  return {
    resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql/index.js', { paths: [process.cwd()] }) }] },
    test: {
      environment: 'node',
      testTimeout: 60_000,
      hookTimeout: 120_000,
      pool: 'forks',
      fileParallelism: false,
      // A package's test files run in one process that keeps its modules loaded: loading MikroORM,
      // type-graphql and the service afresh for each file cost about half of a subgraph's test time.
      // Files still get their own database, app and port; the gateway's and the browser tests
      // (which start whole stacks) keep a fresh process per file.
      isolate: false,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      ...overrides,
    },
  };
}
