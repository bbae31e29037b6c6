import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where a trust's webhook may point (docs/security.md, "Webhooks"). In production: https only, and
 * every address the host name resolves to must be a public one; the delivery then connects to the
 * address that was checked, so a name that resolves differently a moment later (DNS rebinding)
 * cannot send it inside. Outside production (development, tests), http and local addresses are
 * allowed so a receiver on this machine can be used.
 */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network", including the unspecified address
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT: private in practice
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, where cloud metadata services answer
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24], // documentation ranges: never the public internet
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64 can reach IPv4 private ranges
  ['2001:db8::', 32], // documentation
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv6');

/** Why an IP address may not receive webhooks in production, or null when it may. */
export function forbiddenAddress(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return 'is not an IP address';
  if (family === 6) {
    // An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return forbiddenAddress(mapped[1]);
    const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
    if (hex) {
      const high = parseInt(hex[1], 16);
      const low = parseInt(hex[2], 16);
      return forbiddenAddress(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
    }
  }
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6') ? 'is a private, loopback, link-local or reserved address' : null;
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has (injectable so tests can play DNS). */
export type Resolve = (host: string) => Promise<ResolvedAddress[]>;

export const systemResolve: Resolve = async (host) =>
  (await dnsLookup(host, { all: true, order: 'verbatim' })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));

export type UrlCheck = { ok: true; url: URL; address: ResolvedAddress | null } | { ok: false; reason: string };

const MAX_URL_LENGTH = 2000;

/**
 * Checks a webhook URL: at registration and again before every delivery. In production the answer
 * carries the one address to connect to; outside production it is null (connect as usual).
 */
export async function checkWebhookUrl(text: string, { production, resolve = systemResolve }: { production: boolean; resolve?: Resolve }): Promise<UrlCheck> {
  if (text.length > MAX_URL_LENGTH) return { ok: false, reason: `Keep the address to ${MAX_URL_LENGTH} characters.` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'Enter a full web address, starting with https://.' };
  }
  if (url.username || url.password) return { ok: false, reason: 'The address must not contain a user name or password.' };
  if (url.hash) return { ok: false, reason: 'The address must not contain a # fragment.' };
  if (!production) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'The address must start with https://.' };
    return { ok: true, url, address: null };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'The address must start with https://.' };
  // URL keeps IPv6 literals in brackets.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: ResolvedAddress[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      return { ok: false, reason: `The name ${host} could not be found.` };
    }
  }
  if (addresses.length === 0) return { ok: false, reason: `The name ${host} could not be found.` };
  // Every address must be allowed: a name with one public and one private address is refused.
  for (const { address } of addresses) {
    const why = forbiddenAddress(address);
    if (why) return { ok: false, reason: `The address ${host} points to ${address}, which ${why}. Webhooks go to public internet addresses only.` };
  }
  return { ok: true, url, address: addresses[0] };
}
