import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_SCOPES, type ApiScope } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { apiOperations, readSupergraph, requiredArguments } from '../src/developers/api-schema.js';
import { exampleDocument } from '../src/developers/examples.js';
import { GatewayClient } from './client.js';
import { useTestStack } from './test-stack.js';

/*
 * What a trust's data engineer meets at the gateway: the documentation at /developers, the schema
 * for their key, each key's rate limit and its usage counts. The allowance here is a burst of 25 and
 * one request a minute, so a key runs out within a test and never refills during one: no timings.
 */
const BURST = 25;
const [northfield] = demoData().schools;
const stack = useTestStack({
  name: 'developers',
  env: { WAYMARK_API_KEY_BURST: String(BURST), WAYMARK_API_KEY_RATE_PER_MINUTE: '1', WAYMARK_API_USAGE_FLUSH_MS: '200' },
});
const supergraph = readSupergraph(readFileSync(new URL('../supergraph.graphql', import.meta.url), 'utf8'));

let analyst: GatewayClient;
beforeAll(async () => {
  analyst = new GatewayClient(stack.url);
  expect((await analyst.signIn('trust@waymark-trust.test')).status).toBe(200);
});

async function apiKey(scopes: readonly string[], name = `key ${scopes.join(' ')}`): Promise<{ id: string; secret: string; headers: Record<string, string> }> {
  const created = await analyst.query<{ createApiCredential: { secret: string; credential: { id: string } } }>(
    'mutation ($input: CreateApiCredentialInput!) { createApiCredential(input: $input) { secret credential { id } } }',
    { input: { name, scopes } },
  );
  const { secret, credential } = created.data!.createApiCredential;
  return { id: credential.id, secret, headers: { authorization: `Bearer ${secret}` } };
}

const asKey = (headers: Record<string, string>) => (query: string, variables?: Record<string, unknown>) =>
  new GatewayClient(stack.url).query(query, variables, headers);

/** The operations /developers lists, read from the page itself. */
async function documentedOperations(): Promise<{ operation: string; field: string; scope: ApiScope }[]> {
  const html = await (await fetch(`${stack.url}/developers`)).text();
  return [...html.matchAll(/data-operation="(\w+)" data-field="(\w+)" data-scope="([\w:]+)"/g)].map(([, operation, field, scope]) => ({
    operation,
    field,
    scope: scope as ApiScope,
  }));
}

describe('/developers', () => {
  it('is public HTML with the security headers, and lists every operation open to API keys', async () => {
    const response = await fetch(`${stack.url}/developers`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const listed = (await documentedOperations()).map((op) => `${op.operation}.${op.field}`).sort();
    expect(listed).toEqual(
      apiOperations(supergraph)
        .map((op) => `${op.operation}.${op.name}`)
        .sort(),
    );
  });

  it('serves the explorer and its one script under the same content security policy', async () => {
    const page = await fetch(`${stack.url}/developers/explorer`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script src="/developers/explorer.js" defer>']);
    const script = await fetch(`${stack.url}/developers/explorer.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const code = await script.text();
    // Requests from the explorer carry the key and never the browser's cookies; the key is never stored.
    expect(code).toContain("credentials: 'omit'");
    expect(code).not.toMatch(/localStorage|sessionStorage|document\.cookie/);
  });

  it('refuses every operation it lists to a key without that scope, and runs each example for a key with it', async () => {
    const operations = await documentedOperations();
    expect(operations.length).toBeGreaterThanOrEqual(10);
    const without = new Map<ApiScope, ReturnType<typeof asKey>>();
    const withOnly = new Map<ApiScope, ReturnType<typeof asKey>>();
    for (const scope of API_SCOPES) {
      without.set(scope, asKey((await apiKey(API_SCOPES.filter((s) => s !== scope))).headers));
      withOnly.set(scope, asKey((await apiKey([scope])).headers));
    }
    for (const listed of operations) {
      const op = apiOperations(supergraph).find((candidate) => candidate.operation === listed.operation && candidate.name === listed.field)!;
      const example = exampleDocument(op);
      const refused = await without.get(listed.scope)!(example);
      expect(refused.status, example).toBe(403);
      expect(refused.errors?.[0]?.extensions?.code, example).toBe('FORBIDDEN');
      expect(refused.errors?.[0]?.message, example).toContain(listed.scope);
      // Examples that need an id (an encounter, an import) or an input are checked against the schema only (src/developers/page.test.ts).
      if (requiredArguments(op.field).length === 0) {
        const answered = await withOnly.get(listed.scope)!(example, { schoolId: northfield.id });
        expect(answered.errors, `${example}\n${JSON.stringify(answered.errors)}`).toBeUndefined();
        expect(answered.data?.[op.name], example).not.toBeNull();
      }
    }
  });

  it('keeps introspection off (production settings): the schema comes from /developers/schema.graphql instead', async () => {
    const key = await apiKey(['reports:read']);
    const answer = await asKey(key.headers)('{ __schema { queryType { name } } }');
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.length).toBeGreaterThan(0);
  });
});

describe('GET /developers/schema.graphql', () => {
  const rootFields = (sdl: string) => {
    const schema = buildSchema(sdl);
    return [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((name) => `query.${name}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((name) => `mutation.${name}`),
    ].sort();
  };

  it('answers 401 without an API key, and to a person signed in', async () => {
    const anonymous = await fetch(`${stack.url}/developers/schema.graphql`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await fetch(`${stack.url}/developers/schema.graphql`, { headers: { cookie: analyst.cookieHeader } })).status).toBe(401);
    expect((await fetch(`${stack.url}/developers/schema.graphql`, { headers: { authorization: 'Bearer wm_not-a-key' } })).status).toBe(401);
  });

  it('gives keys with different scopes different schemas, neither with a root field outside its scopes', async () => {
    const sdlFor = async (scopes: ApiScope[]) => {
      const response = await fetch(`${stack.url}/developers/schema.graphql`, { headers: (await apiKey(scopes)).headers });
      expect(response.status).toBe(200);
      return response.text();
    };
    const reports = await sdlFor(['reports:read']);
    const roster = await sdlFor(['roster:write']);
    expect(reports).not.toBe(roster);
    for (const [scope, sdl] of [
      ['reports:read', reports],
      ['roster:write', roster],
    ] as const) {
      const allowed = apiOperations(supergraph)
        .filter((op) => op.scope === scope)
        .map((op) => `${op.operation}.${op.name}`)
        .sort();
      expect(rootFields(sdl), scope).toEqual(allowed);
    }
    expect(roster).not.toContain('trustDashboard');
    expect(reports).not.toContain('previewRosterImport');
  });
});

describe('rate limits and usage per API key', () => {
  it('answers 429 with Retry-After to a key over its allowance while another key still gets 200, and counts both for the analyst', async () => {
    const busy = await apiKey(['reports:read'], 'busy integration');
    const quiet = await apiKey(['reports:read'], 'quiet integration');
    const busyQuery = asKey(busy.headers);
    for (let i = 0; i < BURST; i += 1) expect((await busyQuery('{ schools { id } }')).status).toBe(200);
    const response = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...busy.headers },
      body: JSON.stringify({ query: '{ schools { id } }' }),
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await response.json()) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0].message).toMatch(/too many requests/i);

    const other = await asKey(quiet.headers)('{ schools { id } }');
    expect(other.status).toBe(200);
    // A refused field is an error too, and so is a body that is not JSON.
    expect((await asKey(quiet.headers)('{ apiCredentials { id } }')).status).toBe(403);
    const garbled = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...quiet.headers },
      body: '{ not json',
    });
    expect(garbled.status).toBe(400);

    // The gateway adds its counts to identity every 200 ms here; the analyst sees them by key.
    type Row = { id: string; name: string; requestCount: number; errorCount: number; lastUsedAt: string | null };
    const usage = async () => {
      const answer = await analyst.query<{ apiCredentials: Row[] }>('{ apiCredentials { id name requestCount errorCount lastUsedAt } }');
      return Object.fromEntries(
        answer.data!.apiCredentials.map((row) => [row.id, { requests: row.requestCount, errors: row.errorCount, used: row.lastUsedAt !== null }]),
      );
    };
    await expect.poll(async () => (await usage())[quiet.id], { timeout: 20_000 }).toEqual({ requests: 3, errors: 2, used: true });
    await expect.poll(async () => (await usage())[busy.id], { timeout: 20_000 }).toEqual({ requests: BURST + 1, errors: 1, used: true });
  });

  it('leaves people signed in unlimited by the API key allowance', async () => {
    for (let i = 0; i < BURST + 2; i += 1) expect((await analyst.query('{ schools { id } }')).status).toBe(200);
  });
});
