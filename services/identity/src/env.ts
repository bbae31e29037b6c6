import { localSubgraphUrl, SUBGRAPH_PORTS } from '@waymark/auth';
import { readServiceEnv, type ServiceEnv } from '@waymark/subgraph-kit';
import { mailSettingsProblem, type MailSettings } from './modules/mail/mailer.js';
import { DEVELOPMENT_SECRETS_KEY, parseSecretsKey } from './modules/second-factor/secret-box.js';

export { DEFAULT_PUPILS_URL } from '@waymark/subgraph-kit';
export interface IdentityEnv extends ServiceEnv {
  /** Where sign-up and password-reset mail goes; null turns volunteer sign-up and password resets off. */
  mail: MailSettings | null;
  /** The key second-factor secrets are sealed with (WAYMARK_SECRETS_KEY); outside production, a public development key when unset. */
  secretsKey: Buffer;
  /** The employers subgraph (WAYMARK_EMPLOYERS_URL), asked whether a volunteer volunteers with a school before their data is exported. */
  employersUrl: string;
  /**
   * Tests only: WAYMARK_TEST_CHEAP_PASSWORD_HASHES=1 hashes new passwords at the test cost (scrypt N=2^10,
   * `usePasswordHashCost` in @waymark/auth), for the test stacks, which sign in hundreds of times.
   */
  cheapPasswordHashes: boolean;
  /** How often waiting mail to careers leaders is sent, in milliseconds (WAYMARK_LEADER_MAIL_MS, at least 100; 5,000 when unset). */
  leaderMailMs: number;
}

/** WAYMARK_SECRETS_KEY: required in production (second-factor secrets must not be sealed with a public key). */
function secretsKeyOf(source: NodeJS.ProcessEnv, nodeEnv: ServiceEnv['nodeEnv']): Buffer {
  const text = source.WAYMARK_SECRETS_KEY ?? '';
  if (!text) {
    if (nodeEnv === 'production')
      throw new Error('Invalid configuration:\n  - WAYMARK_SECRETS_KEY must be set in production: 32 random bytes as base64 (openssl rand -base64 32)');
    return DEVELOPMENT_SECRETS_KEY;
  }
  const key = parseSecretsKey(text);
  if (!key) throw new Error('Invalid configuration:\n  - WAYMARK_SECRETS_KEY must be 32 bytes as base64 (openssl rand -base64 32)');
  return key;
}

export const DEFAULT_MAIL_FROM = 'Waymark <no-reply@waymark.localhost>';

export function loadEnv(source: NodeJS.ProcessEnv = process.env): IdentityEnv {
  const env = readServiceEnv(source, { port: SUBGRAPH_PORTS.identity });
  const secretsKey = secretsKeyOf(source, env.nodeEnv);
  const employersUrl = source.WAYMARK_EMPLOYERS_URL || localSubgraphUrl('employers');
  if (!/^https?:\/\//.test(employersUrl)) throw new Error(`Invalid configuration:\n  - WAYMARK_EMPLOYERS_URL must be an http(s) URL, got "${employersUrl}"`);
  const cheapPasswordHashes = source.WAYMARK_TEST_CHEAP_PASSWORD_HASHES === '1';
  const leaderMailMs = Number(source.WAYMARK_LEADER_MAIL_MS || 5000);
  if (!(leaderMailMs >= 100)) throw new Error('Invalid configuration:\n  - WAYMARK_LEADER_MAIL_MS must be a number of milliseconds, at least 100');
  const smtpUrl = source.WAYMARK_SMTP_URL || '';
  if (!smtpUrl) return { ...env, mail: null, secretsKey, employersUrl, cheapPasswordHashes, leaderMailMs };
  const from = source.WAYMARK_MAIL_FROM || DEFAULT_MAIL_FROM;
  const problem = mailSettingsProblem(smtpUrl, from);
  if (problem) throw new Error(`Invalid configuration:\n  - ${problem}`);
  return { ...env, mail: { smtpUrl, from }, secretsKey, employersUrl, cheapPasswordHashes, leaderMailMs };
}
