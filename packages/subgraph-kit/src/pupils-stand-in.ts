import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CREDENTIAL_HEADER, CredentialVerifier, SCHOOL_STAFF_ROLES, hasRole, type Principal } from '@waymark/auth';
import { testKeys } from './testing.js';
import { PupilRecordAccessDocument, SchoolTrustDocument } from './pupils-calls.generated.js';

/*
 * A STAND-IN FOR THE PUPILS SUBGRAPH'S `Pupil.recordAccess` (AND A SCHOOL'S TRUST) — TESTS ONLY.
 *
 * Subgraphs that hold pupil-level rows ask the pupils subgraph how much of a pupil's history the
 * caller may read (docs/pupil-records-contract.md, "Transfers"). Their tests use this tiny HTTP
 * server where they need answers the demo data cannot give (pupils who moved school on a chosen
 * day), a subgraph that errors, or a count of the requests made. It answers exactly that
 * `_entities` request by the contract's rules, and `School { id trust { id } }` lookups, from a fixture; like the real subgraph it refuses
 * calls without a credential the gateway signed, and anything else it is asked is refused the way
 * a subgraph refuses a field it does not have. The real rules live in services/pupils; the
 * gateway tests check the two agree for a real transfer.
 */

export interface StandInPupil {
  id: string;
  /** The current school. */
  schoolId: string;
  trustId: string | null;
  /** Schools the pupil left (an enrolment with leftOn, YYYY-MM-DD). */
  formerSchools: { schoolId: string; trustId: string | null; leftOn: string }[];
}

export interface StandInFixture {
  pupils: StandInPupil[];
  /** Schools and their trusts (public facts: any signed-in caller may resolve a School). */
  schools?: { id: string; trustId: string | null }[];
  /** Schools whose parents may read their children's records. */
  parentAccessSchoolIds: string[];
}

export interface RecordAccess {
  current: boolean;
  schoolId: string | null;
  until: string | null;
}

/** The contract's rules for `Pupil.recordAccess`, for one caller and one pupil. */
export function recordAccessFor(principal: Principal, pupil: StandInPupil, fixture: StandInFixture): RecordAccess | null {
  if (principal.kind === 'system') return null;
  const staffOf = (schoolId: string) => hasRole(principal, ...SCHOOL_STAFF_ROLES) && principal.schoolId === schoolId;
  const analystOf = (trustId: string | null) =>
    hasRole(principal, 'trust_analyst') && principal.pupilLevelAccess && trustId !== null && principal.trustId === trustId;
  const self = hasRole(principal, 'pupil') && principal.pupilId === pupil.id;
  const parent = hasRole(principal, 'parent') && principal.childPupilIds.includes(pupil.id) && fixture.parentAccessSchoolIds.includes(pupil.schoolId);
  if (staffOf(pupil.schoolId) || self || parent || analystOf(pupil.trustId)) return { current: true, schoolId: null, until: null };
  const former = pupil.formerSchools.find((school) => staffOf(school.schoolId) || analystOf(school.trustId));
  return former ? { current: false, schoolId: former.schoolId, until: former.leftOn } : null;
}

/** The demo pupils as the stand-in knows them, with some of them moved in from another school. */
export function fixtureFromDemo(
  data: { schools: { id: string; trustId: string | null }[]; pupils: { id: string; schoolId: string; trustId: string | null }[] },
  options: { transfers?: { pupilId: string; fromSchoolId: string; leftOn: string }[]; parentAccessSchoolIds?: string[] } = {},
): StandInFixture {
  const trustOf = (schoolId: string) => data.schools.find((school) => school.id === schoolId)?.trustId ?? null;
  return {
    schools: data.schools.map((school) => ({ id: school.id, trustId: school.trustId })),
    pupils: data.pupils.map((pupil) => ({
      id: pupil.id,
      schoolId: pupil.schoolId,
      trustId: pupil.trustId,
      formerSchools: (options.transfers ?? [])
        .filter((transfer) => transfer.pupilId === pupil.id)
        .map((transfer) => ({ schoolId: transfer.fromSchoolId, trustId: trustOf(transfer.fromSchoolId), leftOn: transfer.leftOn })),
    })),
    parentAccessSchoolIds: options.parentAccessSchoolIds ?? [],
  };
}

export interface PupilsStandIn {
  /** Its /graphql address, for WAYMARK_PUPILS_URL. */
  url: string;
  /** Every `recordAccess` request answered: who asked, about which pupils. */
  requests: { principal: Principal; pupilIds: string[] }[];
  /** Requests it refused (not the contract's `_entities` request): should stay empty. */
  refused: string[];
  /** While true it answers as a pupils subgraph without `recordAccess` would: errors, no data. */
  failing: boolean;
  close(): Promise<void>;
}

// It answers only the kit's own documents, word for word, as the contract's requests.
const EXPECTED_QUERY = String(PupilRecordAccessDocument);
const SCHOOL_QUERY = String(SchoolTrustDocument);

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startPupilsStandIn(fixture: StandInFixture): Promise<PupilsStandIn> {
  const verifier = new CredentialVerifier(testKeys().publicKeyPem);
  const pupils = new Map(fixture.pupils.map((pupil) => [pupil.id, pupil]));
  const standIn: Omit<PupilsStandIn, 'url' | 'close'> = { requests: [], refused: [], failing: false };

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://stand-in').pathname !== '/graphql') return send(res, 404, { error: 'not found' });
      const verified = await verifier.verify(req.headers[CREDENTIAL_HEADER] as string | undefined);
      if (!verified.ok)
        return send(res, 401, { errors: [{ message: 'This service only answers the Waymark gateway.', extensions: { code: 'UNAUTHENTICATED' } }] });
      const { query, variables } = JSON.parse(body) as { query?: string; variables?: { representations?: { __typename?: string; id?: string }[] } };
      const representations = variables?.representations ?? [];
      if (!standIn.failing && query === SCHOOL_QUERY && representations.every((rep) => rep.__typename === 'School')) {
        const schools = new Map((fixture.schools ?? []).map((school) => [school.id, school]));
        const entities = representations.map((rep) => {
          const school = schools.get(rep.id ?? '');
          return school ? { id: school.id, trust: school.trustId ? { id: school.trustId } : null } : null;
        });
        return send(res, 200, { data: { _entities: entities } });
      }
      if (standIn.failing || query !== EXPECTED_QUERY || representations.some((rep) => rep.__typename !== 'Pupil' || typeof rep.id !== 'string')) {
        if (!standIn.failing) standIn.refused.push(query ?? '');
        return send(res, 400, {
          errors: [{ message: 'Cannot query field "recordAccess" on type "Pupil".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
        });
      }
      const principal = verified.principal;
      standIn.requests.push({ principal, pupilIds: representations.map((rep) => rep.id!) });
      // An unknown pupil resolves to null; a known one carries the caller's recordAccess (maybe null).
      const entities = representations.map((rep) => {
        const pupil = pupils.get(rep.id!);
        return pupil ? { id: pupil.id, recordAccess: recordAccessFor(principal, pupil, fixture) } : null;
      });
      send(res, 200, { data: { _entities: entities } });
    })().catch((error: unknown) => send(res, 500, { errors: [{ message: String(error) }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(standIn, {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** An address nothing listens on (a port just released), for "the pupils subgraph is down". */
export async function unreachableUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/graphql`;
}
