import { resolve } from 'node:path';
import { localSubgraphUrl } from '@waymark/auth';

/** Where the pupils subgraph answers by default, for subgraphs that ask it on a caller's behalf. */
export const DEFAULT_PUPILS_URL = localSubgraphUrl('pupils');

export interface ServiceEnv {
  port: number;
  /** The interface to listen on (HOST): 127.0.0.1 unless a container needs 0.0.0.0. */
  host: string;
  nodeEnv: 'development' | 'production' | 'test';
  databaseUrl: string | undefined;
  /** PostgreSQL database names are `<prefix><service>`. */
  databasePrefix: string;
  dataDir: string;
  publicKeyPem: string;
  seedDemo: boolean;
  /** Seed the demo data with a second trust (for tests that cross trusts): WAYMARK_DEMO_SECOND_TRUST=1. */
  demoSecondTrust: boolean;
  /** The pupils subgraph, asked on the caller's behalf (registers, parent links, record access). */
  pupilsUrl: string;
  /**
   * WAYMARK_MIGRATE: `auto` (the default) applies pending migrations at start, one replica at a
   * time; `only` applies them and exits (a deployment's migration job); `skip` applies none and
   * refuses to start while any is pending (replicas of a deployment whose job migrates).
   */
  migrate: 'auto' | 'only' | 'skip';
  /** Tests only: WAYMARK_TEST_DATABASE_TEMPLATES=1 creates a new PostgreSQL database from a migrated template (database.ts, `fromTemplate`). */
  databaseTemplates: boolean;
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * The only reader of process.env for a subgraph: parsed once, and fails fast listing every
 * problem rather than the first.
 */
export function readServiceEnv(source: NodeJS.ProcessEnv, defaults: { port: number }): ServiceEnv {
  const problems: string[] = [];
  const port = source.PORT ? Number(source.PORT) : defaults.port;
  if (!Number.isInteger(port) || port <= 0 || port > 65535) problems.push(`PORT must be a port number, got "${source.PORT}"`);
  const nodeEnv = (source.NODE_ENV ?? 'development') as ServiceEnv['nodeEnv'];
  if (!['development', 'production', 'test'].includes(nodeEnv)) problems.push(`NODE_ENV must be development, production or test`);
  const publicKeyPem = source.WAYMARK_CREDENTIAL_PUBLIC_KEY ?? '';
  if (!publicKeyPem.includes('PUBLIC KEY')) problems.push("WAYMARK_CREDENTIAL_PUBLIC_KEY must hold the gateway's Ed25519 public key (PEM)");
  const databaseUrl = source.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must be a postgres:// URL');
  const pupilsUrl = source.WAYMARK_PUPILS_URL || DEFAULT_PUPILS_URL;
  if (!isHttpUrl(pupilsUrl)) problems.push(`WAYMARK_PUPILS_URL must be an http(s) URL, got "${pupilsUrl}"`);
  if (source.WAYMARK_DB_PREFIX && !/^[a-z][a-z0-9_]*$/.test(source.WAYMARK_DB_PREFIX))
    problems.push('WAYMARK_DB_PREFIX may hold only lower-case letters, digits and _');
  const migrate = (source.WAYMARK_MIGRATE || 'auto') as ServiceEnv['migrate'];
  if (!['auto', 'only', 'skip'].includes(migrate)) problems.push(`WAYMARK_MIGRATE must be auto, only or skip, got "${source.WAYMARK_MIGRATE}"`);
  if (problems.length > 0) {
    throw new Error(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return {
    port,
    host: source.HOST || '127.0.0.1',
    nodeEnv,
    databaseUrl,
    databasePrefix: source.WAYMARK_DB_PREFIX ?? 'waymark_',
    dataDir: resolve(source.WAYMARK_DATA_DIR ?? '.data'),
    publicKeyPem,
    seedDemo: source.WAYMARK_SEED_DEMO === '1',
    demoSecondTrust: source.WAYMARK_DEMO_SECOND_TRUST === '1',
    pupilsUrl,
    migrate,
    databaseTemplates: source.WAYMARK_TEST_DATABASE_TEMPLATES === '1',
  };
}
