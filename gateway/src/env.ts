import { resolve } from 'node:path';
import { GATEWAY_PORT, isCredentialPrivateKey, localSubgraphUrl, SUBGRAPH_PORTS, SUBGRAPHS, subgraphUrlVariable, type SubgraphName } from '@waymark/auth';

// The subgraphs and their ports come from the deployment's one list (packages/auth/src/topology.ts).
export { SUBGRAPHS, type SubgraphName };
export const DEFAULT_SUBGRAPH_PORTS: Readonly<Record<SubgraphName, number>> = SUBGRAPH_PORTS;

export interface GatewayEnv {
  port: number;
  host: string;
  /**
   * Development settings: introspection and "did you mean" suggestions on, cookies without
   * `Secure` (so http://localhost works). Only when WAYMARK_DEV_MODE=1, which the local runner
   * (`npm start`, the tests) sets; anything else gets production settings.
   */
  devMode: boolean;
  privateKeyPem: string;
  subgraphUrls: Record<SubgraphName, string>;
  subgraphTimeoutMs: number;
  /** How long a resolved session is cached (signing out elsewhere takes at most this long to bite on another replica). API keys are never cached. */
  sessionCacheMs: number;
  /** Folder holding frontends/<name>/dist; the shell and the remotes are served from there. */
  frontendsDir: string;
  /** Optional JSON file overriding the remotes manifest (a remote can move without a shell rebuild). */
  remotesManifest: string | undefined;
  /** Cookies carry `Secure` (sent over HTTPS only): always, outside development mode. */
  secureCookies: boolean;
  /**
   * The origins browsers reach Waymark at (e.g. https://waymark.example.org); /auth/* accepts
   * requests from these only. Empty: the origin of the Host each request was sent to.
   */
  publicOrigins: string[];
  /** How many proxies of our own stand in front of the gateway (X-Forwarded-For entries it may believe). */
  trustedProxies: number;
  /** Each API key's allowance: requests refilled per minute, and the most it may send at once (a token bucket per key). */
  apiRateLimit: { perMinute: number; burst: number };
  /** How often each API key's request and error counts are added to its totals in identity. */
  apiUsageFlushMs: number;
  /** How often waiting webhook events are taken from the subgraphs' outboxes to identity. */
  webhookRelayMs: number;
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return ['http:', 'https:'].includes(url.protocol) && url.origin === value;
  } catch {
    return false;
  }
}

/**
 * The only reader of process.env for the gateway: parsed once, every problem listed. Production
 * settings unless WAYMARK_DEV_MODE=1; docs/security.md lists what a deployment must set.
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): GatewayEnv {
  const problems: string[] = [];
  const port = Number(source.PORT ?? GATEWAY_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a port number, got "${source.PORT}"`);
  const nodeEnv = source.NODE_ENV;
  if (nodeEnv !== undefined && !['development', 'production', 'test'].includes(nodeEnv)) problems.push('NODE_ENV must be development, production or test');
  const devFlag = source.WAYMARK_DEV_MODE;
  if (devFlag !== undefined && devFlag !== '' && devFlag !== '0' && devFlag !== '1')
    problems.push(`WAYMARK_DEV_MODE must be 1 (development settings) or 0, got "${devFlag}"`);
  const devMode = devFlag === '1';
  if (devMode && nodeEnv === 'production')
    problems.push('WAYMARK_DEV_MODE=1 (introspection, suggestions, cookies without Secure) cannot be used with NODE_ENV=production');
  const privateKeyPem = source.WAYMARK_CREDENTIAL_PRIVATE_KEY ?? '';
  if (!privateKeyPem) problems.push('WAYMARK_CREDENTIAL_PRIVATE_KEY is missing: it must hold the Ed25519 private key (PEM) that signs subgraph credentials');
  else if (!isCredentialPrivateKey(privateKeyPem)) problems.push('WAYMARK_CREDENTIAL_PRIVATE_KEY is not an Ed25519 private key in PEM form');
  const subgraphUrls = {} as Record<SubgraphName, string>;
  for (const name of SUBGRAPHS) {
    const value = source[subgraphUrlVariable(name)] ?? localSubgraphUrl(name);
    try {
      new URL(value);
      subgraphUrls[name] = value;
    } catch {
      problems.push(`${subgraphUrlVariable(name)} is not a URL: "${value}"`);
    }
  }
  const subgraphTimeoutMs = Number(source.WAYMARK_SUBGRAPH_TIMEOUT_MS ?? 10_000);
  if (!(subgraphTimeoutMs > 0)) problems.push('WAYMARK_SUBGRAPH_TIMEOUT_MS must be a positive number of milliseconds');
  const sessionCacheMs = Number(source.WAYMARK_SESSION_CACHE_MS ?? 15_000);
  if (!(sessionCacheMs >= 0)) problems.push('WAYMARK_SESSION_CACHE_MS must be zero or a positive number of milliseconds');
  const publicOrigins = (source.WAYMARK_PUBLIC_ORIGIN ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
  for (const origin of publicOrigins) {
    if (!isOrigin(origin))
      problems.push(`WAYMARK_PUBLIC_ORIGIN must list origins such as https://waymark.example.org (scheme, host and port only), got "${origin}"`);
  }
  const trustedProxies = Number(source.WAYMARK_TRUSTED_PROXIES ?? 0);
  if (!Number.isInteger(trustedProxies) || trustedProxies < 0 || trustedProxies > 10)
    problems.push('WAYMARK_TRUSTED_PROXIES must be the number of proxies in front of the gateway (0 to 10)');
  const apiRateLimit = { perMinute: Number(source.WAYMARK_API_KEY_RATE_PER_MINUTE ?? 600), burst: Number(source.WAYMARK_API_KEY_BURST ?? 120) };
  if (!(apiRateLimit.perMinute > 0)) problems.push('WAYMARK_API_KEY_RATE_PER_MINUTE must be a positive number of requests a minute');
  if (!Number.isInteger(apiRateLimit.burst) || apiRateLimit.burst < 1) problems.push('WAYMARK_API_KEY_BURST must be a whole number of requests, at least 1');
  const apiUsageFlushMs = Number(source.WAYMARK_API_USAGE_FLUSH_MS ?? 30_000);
  if (!(apiUsageFlushMs >= 100)) problems.push('WAYMARK_API_USAGE_FLUSH_MS must be a number of milliseconds, at least 100');
  const webhookRelayMs = Number(source.WAYMARK_WEBHOOK_RELAY_MS ?? 5_000);
  if (!(webhookRelayMs >= 100)) problems.push('WAYMARK_WEBHOOK_RELAY_MS must be a number of milliseconds, at least 100');
  if (problems.length > 0) {
    const hint = devMode ? '' : '\n(Production settings apply unless WAYMARK_DEV_MODE=1; `npm start` sets it, with keys of its own, for a local run.)';
    throw new Error(`Invalid gateway configuration:\n  - ${problems.join('\n  - ')}${hint}`);
  }
  return {
    port,
    host: source.HOST ?? '127.0.0.1',
    devMode,
    privateKeyPem,
    subgraphUrls,
    subgraphTimeoutMs,
    sessionCacheMs,
    frontendsDir: resolve(source.WAYMARK_FRONTENDS_DIR ?? new URL('../../frontends', import.meta.url).pathname),
    remotesManifest: source.WAYMARK_REMOTES_MANIFEST || undefined,
    secureCookies: !devMode,
    publicOrigins,
    trustedProxies,
    apiRateLimit,
    apiUsageFlushMs,
    webhookRelayMs,
  };
}
