import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import type { Orm } from '@waymark/subgraph-kit';
import { makePrincipal, startTestSubgraph, type SubgraphTestClient, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { academicYearOf, PSEUDONYMISED } from '@waymark/domain';
import { createApp, pupilsService } from '../../app.js';
import { School } from '../school/school.entity.js';
import { generatePupils, importRoster, rosterRows } from '../../../test/roster-fixtures.js';

const data = demoData();
const trustId = data.trust.id;
const [northfield, southbank] = data.schools;
const northPupils = data.pupils.filter((p) => p.schoolId === northfield.id && p.yearGroup !== null);
const [pupil, classmate] = northPupils;
const southPupil = data.pupils.find((p) => p.schoolId === southbank.id)!;
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId, displayName: 'Priya Shah' });
const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId, displayName: 'Sam Teacher' });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId });
const pupilPrincipal = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId, pupilId: pupil.id });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: data.volunteers[0].id });
const apiKey = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId, scopes: ['roster:write'], displayName: 'MIS sync' });

let subgraph: TestSubgraph;
let orm: Orm;
let client: SubgraphTestClient;

/** A school with no pupils yet, for a roster import of its own. */
const EASTFIELD = '0e5f1e1d-0000-4000-8000-0000000000a1';

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp);
  ({ orm, client } = subgraph);
  const em = orm.em.fork();
  em.create(School, { id: EASTFIELD, trustId, name: 'Eastfield High', urn: '900101', localAuthority: 'Leeds' });
  await em.flush();
});

afterAll(() => subgraph?.close());

interface EventRow {
  id: string;
  action: string;
  pupil_id: string | null;
  school_id: string;
  actor_account_id: string;
  actor_name: string;
  actor_roles: string;
  credential_kind: string;
  request_id: string;
  fields: string[];
}

/** The events an account has in the trail, with their fields, straight from the table. */
async function eventsBy(accountId: string): Promise<EventRow[]> {
  return orm.em.fork().execute<EventRow[]>(
    `select e.*, array(select f.field from audit_event_field f where f.event_id = e.id order by f.field) as fields
     from audit_event e where e.actor_account_id = ? order by e.occurred_at, e.id`,
    [accountId],
  );
}

const LOG = `query ($filter: AuditEventFilter, $first: Int, $after: String) { auditEvents(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id action fields pupilId pupilName schoolId actorAccountId actorName actorRoles credentialKind apiKeyId requestId source detail } } } }`;
type LogResult = {
  auditEvents: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      node: {
        id: string;
        action: string;
        fields: string[];
        pupilId: string | null;
        pupilName: string | null;
        schoolId: string;
        actorName: string;
        actorRoles: string[];
        credentialKind: string;
        requestId: string;
      };
    }[];
  };
};

describe('reads of sensitive fields', () => {
  it('records one READ event per request per pupil, with every sensitive field the request read', async () => {
    const reader = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId, displayName: 'Reader One' });
    const query = `query ($a: ID!, $b: ID!) {
      a: pupil(id: $a) { id dateOfBirth flags { eal } flagHistory { value } again: flags { ehcp } }
      b: pupil(id: $b) { id displayName flags { eal } }
      c: pupil(id: $a) { dateOfBirth }
    }`;
    const res = await client.query(reader, query, { a: pupil.id, b: classmate.id });
    expect(res.errors).toBeUndefined();
    const events = await eventsBy(reader.accountId);
    expect(events.map((e) => [e.pupil_id, e.action, e.fields])).toEqual(
      expect.arrayContaining([
        [pupil.id, 'READ', ['dateOfBirth', 'flagHistory', 'flags']],
        [classmate.id, 'READ', ['flags']],
      ]),
    );
    expect(events).toHaveLength(2);
    expect(new Set(events.map((e) => e.request_id)).size).toBe(1);
    expect(events[0]).toMatchObject({ school_id: northfield.id, actor_name: 'Reader One', actor_roles: 'careers_leader', credential_kind: 'SESSION' });

    await client.query(reader, '{ pupils(first: 3) { edges { node { id displayName } } } }');
    expect(await eventsBy(reader.accountId)).toHaveLength(2);
    await client.query(reader, query, { a: pupil.id, b: classmate.id });
    expect(await eventsBy(reader.accountId)).toHaveLength(4);
  });

  it("records nothing when nothing sensitive was shown (another school's staff see no flags)", async () => {
    const outsider = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId });
    await client.query(outsider, `query ($id: ID!) { pupil(id: $id) { id dateOfBirth } }`, { id: pupil.id });
    expect(await eventsBy(outsider.accountId)).toEqual([]);
  });

  it('fails closed: when the trail cannot be written, the answer carries no data and a change is rolled back', async () => {
    const reader = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId });
    const em = orm.em.fork();
    const [before] = await em.execute<{ service_child: boolean }[]>('select service_child from pupil where id = ?', [pupil.id]);
    await em.execute('alter table audit_event rename to audit_event_away');
    try {
      const read = await client.query(reader, `query ($id: ID!) { pupil(id: $id) { dateOfBirth } }`, { id: pupil.id });
      expect(read.status).toBe(500);
      expect(read.data ?? null).toBeNull();
      expect(JSON.stringify(read)).not.toContain(String(pupil.dateOfBirth).slice(0, 10));

      const change = await client.query(reader, `mutation ($input: SetPupilFlagsInput!) { setPupilFlags(input: $input) { error { code } } }`, {
        input: { pupilId: pupil.id, flags: [{ group: 'SERVICE_CHILD', value: !before.service_child }] },
      });
      expect(change.errors?.length ?? 0).toBeGreaterThan(0);
    } finally {
      await em.execute('alter table audit_event_away rename to audit_event');
    }
    const [after] = await em.execute<{ service_child: boolean }[]>('select service_child from pupil where id = ?', [pupil.id]);
    expect(after.service_child).toBe(before.service_child);
    const [{ n }] = await em.execute<{ n: number }[]>('select count(*)::int as n from flag_change where pupil_id = ? and "group" = ?', [
      pupil.id,
      'SERVICE_CHILD',
    ]);
    expect(n).toBe(0);
  });
});

describe('changes', () => {
  it('records a flag change as one CHANGE event in the same transaction, and the read of its result as a READ', async () => {
    const changer = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId, displayName: 'Changer' });
    const res = await client.query<{ setPupilFlags: { error: unknown } }>(
      changer,
      `mutation ($input: SetPupilFlagsInput!) { setPupilFlags(input: $input) { pupil { flags { youngCarer } } error { code } } }`,
      { input: { pupilId: classmate.id, flags: [{ group: 'YOUNG_CARER', value: true }] } },
    );
    expect(res.data?.setPupilFlags.error).toBeNull();
    const events = await eventsBy(changer.accountId);
    expect(events.map((e) => [e.pupil_id, e.action, e.fields]).sort()).toEqual([
      [classmate.id, 'CHANGE', ['flags']],
      [classmate.id, 'READ', ['flags']],
    ]);
  });

  it('records nothing for a change that was refused', async () => {
    const outsider = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId });
    await client.query(outsider, `mutation ($input: SetPupilFlagsInput!) { setPupilFlags(input: $input) { error { code } } }`, {
      input: { pupilId: classmate.id, flags: [{ group: 'EAL', value: true }] },
    });
    expect(await eventsBy(outsider.accountId)).toEqual([]);
  });

  it('records a roster commit through an API key as one CHANGE for the school, naming the key and the import', async () => {
    const { committed } = await importRoster(client, apiKey, {
      rows: rosterRows(generatePupils(5, { seed: 7, academicYear: academicYearOf(new Date()) })),
      fullRoster: false,
      schoolId: EASTFIELD,
    });
    const events = await eventsBy(apiKey.accountId);
    expect(events).toEqual([
      expect.objectContaining({
        action: 'CHANGE',
        pupil_id: null,
        school_id: EASTFIELD,
        credential_kind: 'API_KEY',
        actor_name: 'MIS sync',
        fields: ['roster'],
      }),
    ]);
    const leaderEast = makePrincipal({ roles: ['careers_leader'], schoolId: EASTFIELD, trustId });
    const log = await client.query<{ auditEvents: { edges: { node: { apiKeyId: string | null; detail: string | null } }[] } }>(leaderEast, LOG, {
      filter: { action: 'CHANGE' },
    });
    expect(log.data!.auditEvents.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ apiKeyId: apiKey.accountId, detail: `Roster import ${committed.id} committed` }),
    ]);
  });
});

describe('auditEvents', () => {
  it("shows the careers leader their own school's log, newest first, paged by cursor", async () => {
    const reader = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId, displayName: 'Paged Reader' });
    for (const id of [pupil.id, classmate.id, pupil.id]) await client.query(reader, `query ($id: ID!) { pupil(id: $id) { dateOfBirth } }`, { id });

    const filter = { actorAccountId: reader.accountId };
    const first = await client.query<LogResult>(leaderNorth, LOG, { filter, first: 2 });
    expect(first.errors).toBeUndefined();
    expect(first.data!.auditEvents.totalCount).toBe(3);
    expect(first.data!.auditEvents.pageInfo.hasNextPage).toBe(true);
    const rest = await client.query<LogResult>(leaderNorth, LOG, { filter, first: 2, after: first.data!.auditEvents.pageInfo.endCursor });
    const nodes = [...first.data!.auditEvents.edges, ...rest.data!.auditEvents.edges].map((e) => e.node);
    expect(nodes.map((n) => n.pupilId)).toEqual([pupil.id, classmate.id, pupil.id]);
    expect(rest.data!.auditEvents.pageInfo.hasNextPage).toBe(false);
    expect(nodes[0]).toMatchObject({
      action: 'READ',
      fields: ['dateOfBirth'],
      actorName: 'Paged Reader',
      actorRoles: ['staff'],
      credentialKind: 'SESSION',
      schoolId: northfield.id,
      source: 'pupils',
    });
    expect(nodes[0].pupilName).toMatch(/\S+ \S+/);
    expect(new Set(nodes.map((n) => n.requestId)).size).toBe(3);
  });

  it('filters by pupil, action and days', async () => {
    const byPupil = await client.query<LogResult>(leaderNorth, LOG, { filter: { pupilId: classmate.id }, first: 200 });
    expect(byPupil.data!.auditEvents.totalCount).toBeGreaterThan(0);
    expect(byPupil.data!.auditEvents.edges.every((e) => e.node.pupilId === classmate.id)).toBe(true);
    const changes = await client.query<LogResult>(leaderNorth, LOG, { filter: { action: 'CHANGE' }, first: 200 });
    expect(changes.data!.auditEvents.edges.map((e) => e.node.action)).toEqual(changes.data!.auditEvents.edges.map(() => 'CHANGE'));
    expect(changes.data!.auditEvents.totalCount).toBeGreaterThan(0);
    const past = await client.query<LogResult>(leaderNorth, LOG, { filter: { from: '2000-01-01', to: '2000-12-31' } });
    expect(past.data!.auditEvents.totalCount).toBe(0);
    const bad = await client.query(leaderNorth, LOG, { filter: { from: '2026-02-30' } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("shows another school nothing of this school's log", async () => {
    const south = await client.query<LogResult>(leaderSouth, LOG, { filter: { pupilId: pupil.id }, first: 200 });
    expect(south.data!.auditEvents.totalCount).toBe(0);
    const all = await client.query<LogResult>(leaderSouth, LOG, { first: 200 });
    expect(all.data!.auditEvents.edges.every((e) => e.node.schoolId === southbank.id)).toBe(true);
  });

  it('is refused to staff who are not the careers leader, pupils, volunteers and API keys', async () => {
    for (const who of [staffNorth, pupilPrincipal, volunteer, apiKey]) {
      const res = await client.query(who, LOG, {});
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.data?.auditEvents ?? null).toBeNull();
    }
  });

  it('exports the filtered log as CSV, and records the export itself', async () => {
    const exporter = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId, displayName: 'Exporter' });
    const res = await client.query<{ auditEventsCsv: string }>(exporter, `query ($filter: AuditEventFilter) { auditEventsCsv(filter: $filter) }`, {
      filter: { pupilId: classmate.id },
    });
    expect(res.errors).toBeUndefined();
    const lines = res.data!.auditEventsCsv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^When \(UTC\),Action,Fields,Pupil,Pupil id,Who/);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.includes(classmate.id))).toBe(true);
    const [event] = await eventsBy(exporter.accountId);
    expect(event).toMatchObject({ action: 'EXPORT', pupil_id: null, school_id: northfield.id, fields: ['auditLog'] });
    const refused = await client.query(pupilPrincipal, `{ auditEventsCsv }`);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the data protection lead', () => {
  const dplNorth = makePrincipal({ roles: ['data_protection_lead'], schoolId: northfield.id, trustId, displayName: 'Dee Protector' });
  const dplSouth = makePrincipal({ roles: ['data_protection_lead'], schoolId: southbank.id, trustId });

  it("reads and downloads their own school's log, and the download is itself recorded", async () => {
    const reader = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId, displayName: 'Looked At Flags' });
    await client.query(reader, `query ($id: ID!) { pupil(id: $id) { dateOfBirth } }`, { id: classmate.id });
    const res = await client.query<LogResult>(dplNorth, LOG, { filter: { actorAccountId: reader.accountId } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.auditEvents.edges.map((e) => e.node)).toMatchObject([{ pupilId: classmate.id, action: 'READ', fields: ['dateOfBirth'] }]);
    const csv = await client.query<{ auditEventsCsv: string }>(dplNorth, `{ auditEventsCsv }`);
    expect(csv.errors).toBeUndefined();
    expect(csv.data!.auditEventsCsv).toContain('Looked At Flags');
    expect(await eventsBy(dplNorth.accountId)).toMatchObject([{ action: 'EXPORT', pupil_id: null, school_id: northfield.id, fields: ['auditLog'] }]);
  });

  it("sees nothing of another school's log", async () => {
    const res = await client.query<LogResult>(dplSouth, LOG, { filter: { pupilId: pupil.id }, first: 200 });
    expect(res.data!.auditEvents.totalCount).toBe(0);
    const all = await client.query<LogResult>(dplSouth, LOG, { first: 200 });
    expect(all.data!.auditEvents.edges.every((e) => e.node.schoolId === southbank.id)).toBe(true);
  });

  it("gets none of the careers leader's other powers: no pupils, records or school settings", async () => {
    const list = await client.query<{ pupils: unknown }>(dplNorth, `{ pupils(first: 5) { totalCount } }`);
    expect(list.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const one = await client.query<{ pupil: unknown }>(dplNorth, `query ($id: ID!) { pupil(id: $id) { id dateOfBirth } }`, { id: pupil.id });
    expect(one.data?.pupil ?? null).toBeNull();
    const record = await client.query(dplNorth, `query ($id: ID!) { pupil(id: $id) { pupilsSubjectAccess } }`, { id: pupil.id });
    expect(record.data?.pupil ?? null).toBeNull();
  });

  it('is refused when the role comes on an API key rather than a person', async () => {
    const key = makePrincipal({ kind: 'api', roles: ['data_protection_lead'], schoolId: northfield.id, trustId });
    const res = await client.query(key, LOG, {});
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('recordAuditEvents (other subgraphs)', () => {
  const RECORD = `mutation ($input: RecordAuditEventsInput!) { recordAuditEvents(input: $input) { recorded error { code } } }`;

  it('records entries about pupils the caller may read, merging a second write of the same request into the same event', async () => {
    const caller = makePrincipal({ roles: ['careers_adviser'], schoolId: northfield.id, trustId });
    const res = await client.query<{ recordAuditEvents: { recorded: number; error: unknown } }>(caller, RECORD, {
      input: { source: 'encounters', entries: [{ pupilId: pupil.id, action: 'READ', fields: ['guidanceNotes'] }] },
    });
    expect(res.data!.recordAuditEvents).toEqual({ recorded: 1, error: null });
    const [event] = await eventsBy(caller.accountId);
    expect(event).toMatchObject({ pupil_id: pupil.id, school_id: northfield.id, action: 'READ', fields: ['guidanceNotes'] });
  });

  it('refuses entries about a pupil the caller may not read, and writes none of them', async () => {
    const caller = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId });
    for (const who of [caller, volunteer]) {
      const res = await client.query<{ recordAuditEvents: { recorded: number; error: { code: string } | null } }>(who, RECORD, {
        input: {
          source: 'encounters',
          entries: [
            { pupilId: pupil.id, action: 'READ', fields: ['guidanceNotes'] },
            { pupilId: southPupil.id, action: 'READ', fields: ['guidanceNotes'] },
          ],
        },
      });
      expect(res.data!.recordAuditEvents).toEqual({ recorded: 0, error: { code: 'AUDIT_PUPIL_NOT_VISIBLE' } });
      expect(await eventsBy(who.accountId)).toEqual([]);
    }
  });
});

describe('the table itself', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of events and their fields', async () => {
    const em = orm.em.fork();
    const [{ n }] = await em.execute<{ n: number }[]>('select count(*)::int as n from audit_event');
    expect(n).toBeGreaterThan(0);
    for (const statement of [
      `update audit_event set actor_name = 'someone else'`,
      'delete from audit_event',
      `update audit_event_field set field = 'nothing'`,
      'delete from audit_event_field',
      'truncate audit_event_field',
      'truncate audit_event cascade',
    ]) {
      await expect(em.execute(statement), statement).rejects.toThrow(/append-only/);
    }
    const [{ m }] = await em.execute<{ m: number }[]>('select count(*)::int as m from audit_event');
    expect(m).toBe(n);
  });

  it("lets through only retention's one update: a pupil's or parent's name to the stand-in words, nothing else changed", async () => {
    const em = orm.em.fork();
    const insert = async (actorRoles: string) => {
      const [{ id }] = await em.execute<{ id: string }[]>(
        `insert into audit_event (id, action, pupil_id, school_id, request_id, credential_kind, actor_account_id, actor_name, actor_roles, source)
         values (gen_random_uuid(), 'READ', gen_random_uuid(), gen_random_uuid(), 'guard-test', 'SESSION', 'account', 'Real Name', ?, 'pupils') returning id`,
        [actorRoles],
      );
      return id;
    };
    const pupilEvent = await insert('pupil');
    const parentEvent = await insert('parent');
    const staffEvent = await insert('careers_leader');
    for (const statement of [
      // Not the stand-in words, another column too, or a member of staff's name: all refused.
      `update audit_event set actor_name = 'Someone Else' where id = '${pupilEvent}'`,
      `update audit_event set actor_name = '${PSEUDONYMISED.name}', action = 'CHANGE' where id = '${pupilEvent}'`,
      `update audit_event set actor_name = '${PSEUDONYMISED.otherName}', actor_roles = 'parent,pupil' where id = '${parentEvent}'`,
      `update audit_event set actor_name = '${PSEUDONYMISED.name}' where id = '${staffEvent}'`,
    ])
      await expect(em.execute(statement), statement).rejects.toThrow(/append-only/);
    await em.execute(`update audit_event set actor_name = '${PSEUDONYMISED.name}' where id = ?`, [pupilEvent]);
    await em.execute(`update audit_event set actor_name = '${PSEUDONYMISED.otherName}' where id = ?`, [parentEvent]);
    const rows = await em.execute<{ actor_name: string; actor_roles: string }[]>(
      `select actor_name, actor_roles from audit_event where request_id = 'guard-test' order by actor_roles`,
    );
    expect(rows).toEqual([
      { actor_name: 'Real Name', actor_roles: 'careers_leader' },
      { actor_name: PSEUDONYMISED.otherName, actor_roles: 'parent' },
      { actor_name: PSEUDONYMISED.name, actor_roles: 'pupil' },
    ]);
  });
});
