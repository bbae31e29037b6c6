import pg from 'pg';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  generateCredentialKeys,
  localSubgraphUrl,
  subgraphPort as portOf,
  subgraphUrlVariable,
  SUBGRAPHS,
  type KeyPairPem,
  type SubgraphName,
} from '@waymark/auth';
import { describeExit, formatDelay, RestartBackoff } from './restart.js';
import { startMailCatcher, type MailCatcher } from './mail-catcher.js';

/** The subgraphs the stack runs: the deployment's one list (`@waymark/auth`'s topology). */
export const SERVICES = SUBGRAPHS;
export type ServiceName = SubgraphName;

export interface StackOptions {
  /** The repository root (holds services/, gateway/, frontends/). */
  root: string;
  /** The one origin browsers use. */
  port: number;
  /** Subgraphs listen on subgraphBasePort + 1 … + 5, in the order of SERVICES. */
  subgraphBasePort: number;
  /** PGlite data (one folder per service) and the development signing keys. */
  dataDir: string;
  databaseUrl?: string;
  databasePrefix?: string;
  seedDemo: boolean;
  /**
   * Tests only: on PostgreSQL, each subgraph's new database starts as a copy of a template holding its
   * migrations (WAYMARK_TEST_DATABASE_TEMPLATES=1, see `fromTemplate` in the kit's database.ts).
   */
  databaseTemplates?: boolean;
  /** Tests only: identity hashes new passwords at the test cost (WAYMARK_TEST_CHEAP_PASSWORD_HASHES=1, `usePasswordHashCost`). */
  cheapPasswordHashes?: boolean;
  frontendsDir?: string;
  /** Extra environment for every process. */
  env?: Record<string, string>;
  log?: (source: string, line: string) => void;
}

export interface RunningStack {
  url: string;
  subgraphUrl(name: ServiceName): string;
  /** The process id a subgraph runs as now (a restart gives it a new one); undefined while it is down. */
  servicePid(name: ServiceName): number | undefined;
  /** Stops one subgraph for good (for failure tests): it is not restarted, and the rest keep running. */
  stopService(name: ServiceName): Promise<void>;
  stop(): Promise<void>;
  /**
   * The local mail catcher identity sends sign-up and password-reset mail to (each message is also
   * kept in <dataDir>/mail as .eml); null when WAYMARK_SMTP_URL was given, so mail goes there instead.
   */
  mail: MailCatcher | null;
  /**
   * Resolves when a process first exits unexpectedly. Once the stack is up, the runner restarts
   * that process all the same (see restart.ts); before it is up, the start fails instead.
   */
  exited: Promise<{ source: string; code: number | null }>;
}

/**
 * Development keys for the gateway's credential, kept beside the data so restarts keep sessions
 * valid. Deployments pass their own through the environment instead.
 */
export function developmentKeys(dataDir: string): KeyPairPem {
  const dir = join(dataDir, 'keys');
  const privateFile = join(dir, 'credential-private.pem');
  const publicFile = join(dir, 'credential-public.pem');
  if (existsSync(privateFile) && existsSync(publicFile)) {
    return { privateKeyPem: readFileSync(privateFile, 'utf8'), publicKeyPem: readFileSync(publicFile, 'utf8') };
  }
  mkdirSync(dir, { recursive: true });
  const keys = generateCredentialKeys();
  writeFileSync(privateFile, keys.privateKeyPem, { mode: 0o600 });
  writeFileSync(publicFile, keys.publicKeyPem);
  return keys;
}

/**
 * The key identity seals second-factor secrets with, kept beside the data (like the credential keys)
 * so restarts can still read them. Deployments pass their own as WAYMARK_SECRETS_KEY.
 */
export function developmentSecretsKey(dataDir: string): string {
  const file = join(dataDir, 'keys', 'secrets.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(join(dataDir, 'keys'), { recursive: true });
  const key = randomBytes(32).toString('base64');
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number, recent: () => string[]): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${url} stopped (${describeExit(child.exitCode, child.signalCode)}) before it was ready. Its last output:\n${recent().join('\n')}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${url} was not ready after ${timeoutMs / 1000}s`);
}

function pipe(child: ChildProcess, source: string, log: (source: string, line: string) => void, recent: string[]): void {
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        log(source, line.replace(/^\[[a-z-]+\] /, ''));
        recent.push(line);
        if (recent.length > 40) recent.shift();
      }
    });
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * V8 settings for every server process (the same as the image's NODE_OPTIONS, infra/Dockerfile). A
 * request allocates a few hundred kilobytes in each process it passes through; with the default
 * young generation, V8 stops to collect it every few dozen requests, in five processes that share
 * the cores. A 32 MB semi-space collects a quarter as often: in `npm run bench`, the school
 * overview's 95th percentile fell by about a fifth.
 */
const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'];

/**
 * Starts every subgraph (migrated, optionally seeded), waits until each is ready, then the gateway.
 * From then on a process that crashes is restarted after a growing wait (restart.ts), and the log
 * says so; the gateway answers with what the other subgraphs have meanwhile.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const log = options.log ?? ((source, line) => process.stderr.write(`${source.padEnd(12)} ${line}\n`));
  const keys = developmentKeys(options.dataDir);
  const subgraphPort = (name: ServiceName) => portOf(name, options.subgraphBasePort);
  const subgraphUrl = (name: ServiceName) => localSubgraphUrl(name, options.subgraphBasePort);
  const common: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    WAYMARK_DATA_DIR: options.dataDir,
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...(options.databasePrefix ? { WAYMARK_DB_PREFIX: options.databasePrefix } : {}),
    ...(options.databaseTemplates ? { WAYMARK_TEST_DATABASE_TEMPLATES: '1' } : {}),
    ...(options.cheapPasswordHashes ? { WAYMARK_TEST_CHEAP_PASSWORD_HASHES: '1' } : {}),
    ...Object.fromEntries(SERVICES.map((name) => [subgraphUrlVariable(name), subgraphUrl(name)])),
    ...options.env,
  };
  if (!options.databaseUrl) delete common.DATABASE_URL;
  // Mail: a catcher on a free port, unless the environment names a real SMTP server.
  const mail = common.WAYMARK_SMTP_URL ? null : await startMailCatcher({ folder: join(options.dataDir, 'mail') });
  if (mail) common.WAYMARK_SMTP_URL = mail.smtpUrl;
  common.WAYMARK_MAIL_FROM ??= 'Waymark <no-reply@waymark.localhost>';
  common.WAYMARK_SECRETS_KEY ||= developmentSecretsKey(options.dataDir);
  delete common.PORT;
  // The gateway gives production settings unless told otherwise; a local run (npm start, the tests)
  // is development unless it asks for production or says otherwise itself.
  if (common.WAYMARK_DEV_MODE === undefined && common.NODE_ENV !== 'production') common.WAYMARK_DEV_MODE = '1';

  const children = new Map<string, ChildProcess>();
  const output = new Map<string, string[]>();
  const expectedExit = new Set<string>();
  const pendingRestarts = new Map<string, NodeJS.Timeout>();
  const backoffs = new Map<string, RestartBackoff>();
  // Crashes during the start fail the start (with the process's last output); after it, they restart.
  let up = false;
  let reportExit: (value: { source: string; code: number | null }) => void = () => {};
  const exited = new Promise<{ source: string; code: number | null }>((resolve) => (reportExit = resolve));
  const launch = (source: string, script: string, env: Record<string, string>, readyUrl: string) => {
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, script], { cwd: options.root, env: { ...common, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const startedAt = Date.now();
    const recent: string[] = [];
    output.set(source, recent);
    pipe(child, source, log, recent);
    child.once('exit', (code, signal) => {
      if (expectedExit.has(source)) return;
      reportExit({ source, code });
      if (!up) return;
      const backoff = backoffs.get(source) ?? new RestartBackoff();
      backoffs.set(source, backoff);
      const delay = backoff.delayAfter(Date.now() - startedAt);
      log(source, `${source} stopped unexpectedly (${describeExit(code, signal)}); restarting in ${formatDelay(delay)}`);
      pendingRestarts.set(
        source,
        setTimeout(() => {
          pendingRestarts.delete(source);
          if (expectedExit.has(source)) return;
          const again = launch(source, script, env, readyUrl);
          waitReady(readyUrl, again, 180_000, () => output.get(source) ?? []).then(
            () => log(source, `${source} is running again`),
            // A restart that dies before it is ready is reported, and retried, by its own exit.
            () => {},
          );
        }, delay),
      );
    });
    children.set(source, child);
    return child;
  };

  const stop = async () => {
    for (const source of children.keys()) expectedExit.add(source);
    for (const timer of pendingRestarts.values()) clearTimeout(timer);
    pendingRestarts.clear();
    await Promise.all([...children.values()].map(stopChild));
    await mail?.stop();
  };

  try {
    await Promise.all(
      SERVICES.map((name) => {
        const readyUrl = `http://127.0.0.1:${subgraphPort(name)}/ready`;
        const child = launch(
          name,
          join(options.root, 'services', name, 'dist', 'main.js'),
          {
            PORT: String(subgraphPort(name)),
            WAYMARK_CREDENTIAL_PUBLIC_KEY: keys.publicKeyPem,
            WAYMARK_SEED_DEMO: options.seedDemo ? '1' : '0',
          },
          readyUrl,
        );
        return waitReady(readyUrl, child, 180_000, () => output.get(name) ?? []);
      }),
    );
    const gatewayReadyUrl = `http://127.0.0.1:${options.port}/ready`;
    const gateway = launch(
      'gateway',
      join(options.root, 'gateway', 'dist', 'main.js'),
      {
        PORT: String(options.port),
        WAYMARK_CREDENTIAL_PRIVATE_KEY: keys.privateKeyPem,
        ...(options.frontendsDir ? { WAYMARK_FRONTENDS_DIR: options.frontendsDir } : {}),
      },
      gatewayReadyUrl,
    );
    await waitReady(gatewayReadyUrl, gateway, 60_000, () => output.get('gateway') ?? []);
    up = true;
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url: `http://localhost:${options.port}`,
    subgraphUrl,
    mail,
    servicePid: (name) => {
      const child = children.get(name);
      return child && child.exitCode === null && child.signalCode === null ? child.pid : undefined;
    },
    stopService: async (name) => {
      expectedExit.add(name);
      clearTimeout(pendingRestarts.get(name));
      pendingRestarts.delete(name);
      const child = children.get(name);
      if (child) await stopChild(child);
    },
    stop,
    exited,
  };
}

/** Drops the PostgreSQL databases a stack started with `databasePrefix` created (tests clean up). */
export async function dropStackDatabases(databaseUrl: string, databasePrefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const name of SERVICES) await client.query(`drop database if exists "${databasePrefix}${name}" with (force)`);
  } finally {
    await client.end();
  }
}
