import 'reflect-metadata';
import { usePasswordHashCost } from '@waymark/auth';
import { runService } from '@waymark/subgraph-kit';
import { defineIdentityService } from './app.js';
import { loadEnv } from './env.js';
import { useSecretsKey } from './modules/second-factor/secret-box.js';

const env = loadEnv();
useSecretsKey(env.secretsKey);
if (env.cheapPasswordHashes) {
  usePasswordHashCost('test');
  process.stderr.write('[identity] WAYMARK_TEST_CHEAP_PASSWORD_HASHES=1: new passwords are hashed at the test cost, never use it outside tests.\n');
}
if (!env.mail) process.stderr.write('[identity] WAYMARK_SMTP_URL is not set: volunteer sign-up and password resets are turned off (their pages say so).\n');
await runService(defineIdentityService({ ...env, webhooks: { production: env.nodeEnv === 'production' } }), env);
