import { describe, expect, it } from 'vitest';
import { readServiceEnv } from './env.js';

const KEY = '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----';
const read = (extra: NodeJS.ProcessEnv) => readServiceEnv({ WAYMARK_CREDENTIAL_PUBLIC_KEY: KEY, ...extra }, { port: 4102 });

describe('WAYMARK_MIGRATE', () => {
  it('migrates at start unless told otherwise', () => {
    expect(read({}).migrate).toBe('auto');
  });

  it('takes only (a migration job) and skip (replicas that must not migrate)', () => {
    expect(read({ WAYMARK_MIGRATE: 'only' }).migrate).toBe('only');
    expect(read({ WAYMARK_MIGRATE: 'skip' }).migrate).toBe('skip');
  });

  it('refuses anything else, naming the choices', () => {
    expect(() => read({ WAYMARK_MIGRATE: 'sometimes' })).toThrow('WAYMARK_MIGRATE must be auto, only or skip, got "sometimes"');
  });
});
