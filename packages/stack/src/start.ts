import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { GATEWAY_PORT, SUBGRAPH_BASE_PORT } from '@waymark/auth';
import { DEMO_ACCOUNTS_FOR_BANNER } from './banner.js';
import { startStack } from './stack.js';

// `npm start`: everything on one origin, on the embedded database unless DATABASE_URL is set.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const port = Number(process.env.PORT ?? GATEWAY_PORT);
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = resolve(process.env.WAYMARK_DATA_DIR ?? resolve(root, '.data'));

process.stderr.write(`Starting Waymark on ${databaseUrl ? 'PostgreSQL' : `the embedded database (${dataDir})`}…\n`);
const stack = await startStack({
  root,
  port,
  subgraphBasePort: Number(process.env.WAYMARK_SUBGRAPH_BASE_PORT ?? SUBGRAPH_BASE_PORT),
  dataDir,
  databaseUrl,
  seedDemo: true,
});

/** The demo accounts' emails line up in one column, however long the longest is. */
const EMAIL_WIDTH = Math.max(...DEMO_ACCOUNTS_FOR_BANNER.map(([email]) => email.length));

process.stdout.write(
  [
    '',
    `  Waymark is running: open ${stack.url}`,
    '',
    '  Demo accounts (password: waymark-demo):',
    ...DEMO_ACCOUNTS_FOR_BANNER.map(([email, who]) => `    ${email.padEnd(EMAIL_WIDTH)} ${who}`),
    '',
    stack.mail
      ? `  Mail Waymark sends (sign-up, password resets) is caught, not delivered: read it at ${stack.mail.httpUrl}\n  (each message is also saved in ${resolve(dataDir, 'mail')} as an .eml file).`
      : `  Mail goes to the SMTP server in WAYMARK_SMTP_URL.`,
    '',
    '  Press Ctrl+C to stop.',
    '',
  ].join('\n'),
);

const shutdown = async () => {
  await stack.stop();
  process.exit(0);
};
// A process that crashes is restarted by the stack (and the log says so); only a signal stops Waymark.
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
