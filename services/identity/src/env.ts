import { SUBGRAPH_PORTS } from '@waymark/auth';
import { readServiceEnv, type ServiceEnv } from '@waymark/subgraph-kit';
import { mailSettingsProblem, type MailSettings } from './modules/mail/mailer.js';

export { DEFAULT_PUPILS_URL } from '@waymark/subgraph-kit';
export interface IdentityEnv extends ServiceEnv {
  /** Where sign-up and password-reset mail goes; null turns volunteer sign-up and password resets off. */
  mail: MailSettings | null;
}

export const DEFAULT_MAIL_FROM = 'Waymark <no-reply@waymark.localhost>';

export function loadEnv(source: NodeJS.ProcessEnv = process.env): IdentityEnv {
  const env = readServiceEnv(source, { port: SUBGRAPH_PORTS.identity });
  const smtpUrl = source.WAYMARK_SMTP_URL || '';
  if (!smtpUrl) return { ...env, mail: null };
  const from = source.WAYMARK_MAIL_FROM || DEFAULT_MAIL_FROM;
  const problem = mailSettingsProblem(smtpUrl, from);
  if (problem) throw new Error(`Invalid configuration:\n  - ${problem}`);
  return { ...env, mail: { smtpUrl, from } };
}
