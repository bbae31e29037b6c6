import { resolve } from 'node:path';

export interface ServiceEnv {
  port: number;
  nodeEnv: 'development' | 'production' | 'test';
  databaseUrl: string | undefined;
  /** PostgreSQL database names are `<prefix><service>`. */
  databasePrefix: string;
  dataDir: string;
  publicKeyPem: string;
  seedDemo: boolean;
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
  if (!publicKeyPem.includes('PUBLIC KEY')) problems.push('WAYMARK_CREDENTIAL_PUBLIC_KEY must hold the gateway\'s Ed25519 public key (PEM)');
  const databaseUrl = source.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must be a postgres:// URL');
  if (source.WAYMARK_DB_PREFIX && !/^[a-z][a-z0-9_]*$/.test(source.WAYMARK_DB_PREFIX)) problems.push('WAYMARK_DB_PREFIX may hold only lower-case letters, digits and _');
  if (problems.length > 0) {
    throw new Error(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return {
    port,
    nodeEnv,
    databaseUrl,
    databasePrefix: source.WAYMARK_DB_PREFIX ?? 'waymark_',
    dataDir: resolve(source.WAYMARK_DATA_DIR ?? '.data'),
    publicKeyPem,
    seedDemo: source.WAYMARK_SEED_DEMO === '1',
  };
}
