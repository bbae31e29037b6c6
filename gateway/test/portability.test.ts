import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDENTIAL_HEADER, CredentialSigner, SUBGRAPHS } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { developmentKeys } from '@waymark/stack';
import { IdentityClient, readCookie, SESSION_COOKIE } from '../src/sessions.js';
import { GatewayClient } from './client.js';
import { useTestStack } from './test-stack.js';

/*
 * Portability (docs/architecture.md, "Another engine"): the committed supergraph, served by Hive
 * Gateway (a second, independent implementation of Apollo Federation) in front of the same running
 * subgraphs, answers real portal queries with the same JSON as Waymark's own gateway, refusals
 * included. Hive is given the same credential Waymark's gateway would attach for the signed-in
 * person, and passes it to every subgraph; Waymark's gateway does the signing in, as in production.
 */
const repo = fileURLToPath(new URL('../../', import.meta.url));
const data = demoData();
const [northfield, southbank] = data.schools;
const stack = useTestStack({ name: 'hive', shared: true });

let hive: { runtime: GatewayRuntime; server: Server; url: string };

/** The committed supergraph, each subgraph's address swapped for where the test stack runs it. */
function committedSupergraph(): string {
  let sdl = readFileSync(new URL('../supergraph.graphql', import.meta.url), 'utf8');
  for (const name of SUBGRAPHS) {
    sdl = sdl.replace(new RegExp(`(join__graph\\(name: "${name}", url: ")[^"]*(")`), `$1${stack.subgraphUrl(name)}$2`);
  }
  return sdl;
}

beforeAll(async () => {
  const runtime = createGatewayRuntime({
    supergraph: committedSupergraph(),
    logging: false,
    transports: { http: httpTransport },
    // The credential the client was given, to every subgraph, as Waymark's gateway attaches its own.
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => {
        const credential = request.headers.get(CREDENTIAL_HEADER);
        return credential ? { [CREDENTIAL_HEADER]: credential } : {};
      },
    },
  });
  const server = createServer((request, response) => void runtime(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hive = { runtime, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` };
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => (hive ? hive.server.close(() => resolve()) : resolve()));
  await hive?.runtime.dispose();
});

/** The named operation from portal documents, with the fragments it uses (and theirs). */
function portalDocument(operation: string, ...files: string[]): string {
  const definitions: DefinitionNode[] = files.flatMap((file) => parse(readFileSync(`${repo}frontends/${file}`, 'utf8')).definitions);
  const fragments = new Map(definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const op = definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === operation);
  if (!op) throw new Error(`No operation ${operation} in ${files.join(', ')}`);
  const used = new Map<string, FragmentDefinitionNode>();
  const collect = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (!fragment) throw new Error(`Fragment ${spread.name.value} is not in ${files.join(', ')}`);
        if (!used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          collect(fragment);
        }
      },
    });
  collect(op);
  return [op, ...used.values()].map((d) => print(d)).join('\n\n');
}

/** A person signed in through Waymark's gateway, and the credential it attaches to their subgraph calls. */
async function signedIn(email: string): Promise<{ waymark: GatewayClient; credential: string }> {
  const waymark = new GatewayClient(stack.url);
  expect((await waymark.signIn(email)).status).toBe(200);
  const keys = developmentKeys(stack.dataDir);
  const signer = new CredentialSigner(keys.privateKeyPem);
  const identity = new IdentityClient(stack.subgraphUrl('identity'), signer, 10_000, 0, { perMinute: 600, burst: 120 });
  const principal = await identity.resolveSession(readCookie(waymark.cookieHeader, SESSION_COOKIE)!);
  expect(principal).not.toBeNull();
  return { waymark, credential: await signer.credentialFor(principal!) };
}

interface Answer {
  data?: unknown;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

async function askHive(credential: string, query: string, variables: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(hive.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CREDENTIAL_HEADER]: credential },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

/** What must match: the data, and each error's path and code (messages may be worded by each engine). */
function comparable(answer: Answer) {
  return {
    data: answer.data ?? null,
    errors: (answer.errors ?? [])
      .map((e) => ({ path: e.path ?? null, code: e.extensions?.code ?? null }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  };
}

const leaderPupil = data.pupils.find((p) => p.schoolId === northfield.id && !p.leftOn)!;
const otherSchoolPupil = data.pupils.find((p) => p.schoolId === southbank.id && !p.leftOn)!;

const CASES: { who: string; name: string; query: string; variables?: Record<string, unknown>; refused?: 'as null' | 'FORBIDDEN' }[] = [
  {
    who: 'leader@northfield.test',
    name: 'the overview',
    query: portalDocument('CareersOverview', 'careers-leader/src/features/overview/graphql/overview.graphql'),
  },
  {
    who: 'leader@northfield.test',
    name: 'the school dashboard',
    query: portalDocument(
      'SchoolDashboard',
      'careers-leader/src/features/benchmarks/graphql/dashboard.graphql',
      'careers-leader/src/shared/graphql/fragments.graphql',
    ),
    variables: {},
  },
  {
    who: 'leader@northfield.test',
    name: "a pupil's record",
    query: portalDocument(
      'PupilRecord',
      'careers-leader/src/features/pupil-record/graphql/pupilRecord.graphql',
      'careers-leader/src/shared/graphql/fragments.graphql',
    ),
    variables: { id: leaderPupil.id },
  },
  {
    who: 'leader@northfield.test',
    name: "another school's pupil (refused)",
    query: portalDocument(
      'PupilRecord',
      'careers-leader/src/features/pupil-record/graphql/pupilRecord.graphql',
      'careers-leader/src/shared/graphql/fragments.graphql',
    ),
    variables: { id: otherSchoolPupil.id },
    refused: 'as null',
  },
  {
    who: 'pupil@northfield.test',
    name: "a pupil's My progress",
    query: portalDocument('MyProgress', 'pupil/src/features/my-progress/graphql/myProgress.graphql'),
  },
  {
    who: 'employer@acme.test',
    name: "a volunteer's profile",
    query: portalDocument('MyVolunteerProfile', 'employer/src/features/volunteer-profile/graphql/myVolunteerProfile.graphql'),
  },
  {
    who: 'trust@waymark-trust.test',
    name: 'the trust dashboard',
    query: portalDocument(
      'TrustDashboard',
      'careers-leader/src/features/benchmarks/graphql/dashboard.graphql',
      'careers-leader/src/shared/graphql/fragments.graphql',
    ),
    variables: {},
  },
  {
    who: 'trust@waymark-trust.test',
    name: "a school's gaps list for a trust analyst",
    query: portalDocument(
      'BenchmarkGaps',
      'careers-leader/src/features/benchmarks/graphql/dashboard.graphql',
      'careers-leader/src/shared/graphql/fragments.graphql',
    ),
    variables: { measure: 'B5_EMPLOYERS', schoolId: northfield.id, first: 5 },
    refused: 'FORBIDDEN',
  },
];

describe('the committed supergraph on Hive Gateway', () => {
  it.each(CASES)('answers $name as Waymark’s gateway does', async ({ who, query, variables = {}, refused }) => {
    const { waymark, credential } = await signedIn(who);
    const ours = (await waymark.query(query, variables)) as Answer;
    const theirs = await askHive(credential, query, variables);
    expect(comparable(theirs)).toEqual(comparable(ours));
    // The comparison is only worth something if the answers say what they should.
    if (refused === 'as null') expect(Object.values(ours.data as object)).toEqual([null]);
    if (refused === 'FORBIDDEN') expect(ours.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    if (!refused) expect(ours.errors ?? []).toEqual([]);
  });

  it('refuses without a credential, as the subgraphs refuse anyone unknown', async () => {
    const theirs = await askHive('', '{ schools { name } }', {});
    expect(theirs.errors?.length).toBeGreaterThan(0);
  });
});
