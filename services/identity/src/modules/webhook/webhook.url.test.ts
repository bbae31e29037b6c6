import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, forbiddenAddress, type Resolve } from './webhook.url.js';

/** DNS as the test says: each name's addresses. */
const dns =
  (table: Record<string, string[]>): Resolve =>
  async (host) => {
    const addresses = table[host];
    if (!addresses) throw new Error('ENOTFOUND');
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

const resolve = dns({
  'hooks.trust.example': ['93.184.216.34'],
  'v6.trust.example': ['2606:2800:220:1:248:1893:25c8:1946'],
  'sneaky.example': ['93.184.216.34', '10.1.2.3'],
  'metadata.example': ['169.254.169.254'],
  'localhost.example': ['127.0.0.1'],
  'ula.example': ['fd12:3456::1'],
  'mapped.example': ['::ffff:192.168.1.1'],
});

describe('webhook addresses in production', () => {
  const cases: [url: string, allowed: boolean, why: string][] = [
    ['https://hooks.trust.example/waymark', true, 'a public address over https'],
    ['https://v6.trust.example/waymark', true, 'a public IPv6 address'],
    ['https://93.184.216.34:8443/in', true, 'a public IP literal with a port'],
    ['http://hooks.trust.example/waymark', false, 'plain http'],
    ['ftp://hooks.trust.example/', false, 'not http at all'],
    ['https://user:pw@hooks.trust.example/', false, 'credentials in the address'],
    ['https://localhost/', false, 'localhost does not resolve here, and would be loopback'],
    ['https://localhost.example/', false, 'a name resolving to loopback'],
    ['https://127.0.0.1/', false, 'IPv4 loopback'],
    ['https://127.1.2.3/', false, 'anywhere in 127/8'],
    ['https://[::1]/', false, 'IPv6 loopback'],
    ['https://0.0.0.0/', false, 'the unspecified IPv4 address'],
    ['https://[::]/', false, 'the unspecified IPv6 address'],
    ['https://10.0.0.5/', false, '10/8'],
    ['https://172.16.0.1/', false, 'the start of 172.16/12'],
    ['https://172.31.255.254/', false, 'the end of 172.16/12'],
    ['https://172.32.0.1/', true, 'just past 172.16/12'],
    ['https://192.168.0.1/', false, '192.168/16'],
    ['https://169.254.169.254/latest/meta-data', false, 'link-local (cloud metadata)'],
    ['https://metadata.example/', false, 'a name resolving to link-local'],
    ['https://[fe80::1]/', false, 'IPv6 link-local'],
    ['https://[fc00::1]/', false, 'IPv6 unique local'],
    ['https://ula.example/', false, 'a name resolving to fd00::/8'],
    ['https://[::ffff:10.0.0.1]/', false, 'IPv4-mapped private address'],
    ['https://mapped.example/', false, 'a name resolving to an IPv4-mapped private address'],
    ['https://sneaky.example/', false, 'one public and one private address'],
    ['https://203.0.113.10/', false, 'a documentation range'],
    ['https://nowhere.example/', false, 'a name that does not resolve'],
    ['not a url', false, 'not an address'],
  ];
  it.each(cases)('%s → allowed %s (%s)', async (url, allowed) => {
    const checked = await checkWebhookUrl(url, { production: true, resolve });
    expect(checked.ok).toBe(allowed);
    if (checked.ok) expect(checked.address).not.toBeNull();
  });

  it('answers the address it checked, for the delivery to connect to', async () => {
    const checked = await checkWebhookUrl('https://hooks.trust.example/x', { production: true, resolve });
    expect(checked).toMatchObject({ ok: true, address: { address: '93.184.216.34', family: 4 } });
  });
});

describe('webhook addresses outside production', () => {
  it('lets development and tests deliver to this machine over http, without asking DNS', async () => {
    const nobody: Resolve = () => Promise.reject(new Error('DNS must not be asked'));
    for (const url of ['http://localhost:8080/hook', 'http://127.0.0.1:9/x', 'https://hooks.trust.example/'])
      expect(await checkWebhookUrl(url, { production: false, resolve: nobody })).toMatchObject({ ok: true, address: null });
    expect((await checkWebhookUrl('ftp://localhost/', { production: false })).ok).toBe(false);
  });
});

describe('forbiddenAddress', () => {
  it('says why an address is refused, and nothing for a public one', () => {
    expect(forbiddenAddress('8.8.8.8')).toBeNull();
    expect(forbiddenAddress('2001:4860:4860::8888')).toBeNull();
    expect(forbiddenAddress('100.64.0.1')).toMatch(/private/);
    expect(forbiddenAddress('::ffff:7f00:1')).toMatch(/private/);
    expect(forbiddenAddress('example.com')).toBe('is not an IP address');
  });
});
