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
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      ...overrides,
    },
  };
}
