import { describe, expect, it } from 'vitest';
import { generateCredentialKeys } from '@waymark/auth';
import { loadEnv } from '../env.js';

const key = generateCredentialKeys().privateKeyPem;

describe('API key allowance and usage settings', () => {
  it('default to 600 requests a minute, bursts of 120, usage added every 30 seconds', () => {
    const env = loadEnv({ WAYMARK_CREDENTIAL_PRIVATE_KEY: key });
    expect(env.apiRateLimit).toEqual({ perMinute: 600, burst: 120 });
    expect(env.apiUsageFlushMs).toBe(30_000);
  });

  it('take the deployment’s numbers, and refuse nonsense, naming each variable', () => {
    const env = loadEnv({
      WAYMARK_CREDENTIAL_PRIVATE_KEY: key,
      WAYMARK_API_KEY_RATE_PER_MINUTE: '90',
      WAYMARK_API_KEY_BURST: '10',
      WAYMARK_API_USAGE_FLUSH_MS: '5000',
    });
    expect(env.apiRateLimit).toEqual({ perMinute: 90, burst: 10 });
    expect(env.apiUsageFlushMs).toBe(5000);
    expect(() =>
      loadEnv({ WAYMARK_CREDENTIAL_PRIVATE_KEY: key, WAYMARK_API_KEY_RATE_PER_MINUTE: '0', WAYMARK_API_KEY_BURST: '2.5', WAYMARK_API_USAGE_FLUSH_MS: 'often' }),
    ).toThrow(/WAYMARK_API_KEY_RATE_PER_MINUTE[\s\S]*WAYMARK_API_KEY_BURST[\s\S]*WAYMARK_API_USAGE_FLUSH_MS/);
  });
});
