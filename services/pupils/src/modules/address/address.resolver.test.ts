import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@waymark/auth';
import type { Orm } from '@waymark/subgraph-kit';
import { startTestSubgraph, type SubgraphTestClient, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';
import {
  northfield,
  maya,
  classmate,
  leaderNorth,
  staffNorth,
  leaderSouth,
  analyst,
  pupilLevelAnalyst,
  otherTrustAnalyst,
  self,
  peer,
  parent,
  volunteer,
  alumni,
  keyWithoutScope,
  schoolKey,
  seeNoPupil,
  NO_ADDRESS_COLUMNS,
} from '../../../test/sensitive-fixtures.js';
import type { AddressColumns } from './postal-address.js';

/*
 * A pupil's address and a parent's or carer's name and address, kept for the local authority return:
 * read (and each read logged) by staff of the pupil's school and analysts with pupil-level access, set
 * by staff of the pupil's current school. The attacks come first.
 */
let subgraph: TestSubgraph;
let orm: Orm;
let client: SubgraphTestClient;

type Stored = AddressColumns;

const stored = async (pupilId: string): Promise<Stored> => {
  const [row] = await orm.em.fork().execute<Stored[]>(
    `select address_line1, address_line2, address_town, address_postcode, parent_carer_name, parent_carer_same_address,
        parent_carer_address_line1, parent_carer_address_line2, parent_carer_address_town, parent_carer_address_postcode from pupil where id = ?`,
    [pupilId],
  );
  return row;
};

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp);
  ({ orm, client } = subgraph);
  // Parents may read Maya's record (so the refusal below is the field's, not the record's).
  await orm.em.fork().execute('update school set parent_access_enabled = true where id = ?', [northfield.id]);
  await orm.em.fork().execute(
    `update pupil set address_line1 = '12 Larkspur Road', address_town = 'Leeds', address_postcode = 'LS6 2QT',
        parent_carer_name = 'Grace Okafor', parent_carer_same_address = true where id = ?`,
    [maya.id],
  );
});

afterAll(() => subgraph?.close());

const FIELDS = 'homeAddress { line1 line2 town postcode } parentCarer { name sameAddressAsPupil address { line1 line2 town postcode } }';
const READ = `query ($id: ID!) { pupil(id: $id) { id ${FIELDS} } }`;
const READ_HOME = `query ($id: ID!) { pupil(id: $id) { id homeAddress { line1 postcode } } }`;
const READ_PARENT = `query ($id: ID!) { pupil(id: $id) { id parentCarer { name } } }`;
const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Pupil { id ${FIELDS} } } }`;
const SET = `mutation ($input: SetPupilAddressInput!) {
  setPupilAddress(input: $input) { pupil { id ${FIELDS} } error { code message fields { field message } } }
}`;
type Address = { line1: string | null; line2: string | null; town: string | null; postcode: string | null };
type Parent = { name: string | null; sameAddressAsPupil: boolean; address: Address | null };
type ReadResult = { pupil: { id: string; homeAddress: Address | null; parentCarer: Parent | null } | null };
type SetResult = {
  setPupilAddress: {
    pupil: { id: string; homeAddress: Address | null; parentCarer: Parent | null } | null;
    error: { code: string; message: string; fields: { field: string; message: string }[] } | null;
  };
};

/** Whatever the answer, neither the address nor the parent's name is in it. */
async function expectNotRead(who: Principal, query: string, variables: Record<string, unknown>): Promise<void> {
  const res = await client.query(who, query, variables);
  const text = JSON.stringify(res.data ?? null);
  for (const secret of ['Larkspur', 'LS6', 'Grace']) expect(text).not.toContain(secret);
}

describe('the attacks: who never reads an address or a parent', () => {
  it("another school's leader, a volunteer, alumni, an analyst without pupil-level access, another trust's analyst and an API key see no pupil at all", async () => {
    for (const who of seeNoPupil) {
      const res = await client.query<ReadResult>(who, READ, { id: maya.id });
      expect(res.data?.pupil ?? null).toBeNull();
      await expectNotRead(who, READ, { id: maya.id });
      await expectNotRead(who, ENTITIES, { r: [{ __typename: 'Pupil', id: maya.id }] });
    }
  });

  it('the pupil themself, a classmate and a linked parent are refused each field', async () => {
    for (const who of [self, parent]) {
      for (const query of [READ_HOME, READ_PARENT]) {
        const res = await client.query<ReadResult>(who, query, { id: maya.id });
        expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        await expectNotRead(who, query, { id: maya.id });
      }
    }
    await expectNotRead(peer, READ, { id: maya.id });
    await expectNotRead(peer, ENTITIES, { r: [{ __typename: 'Pupil', id: maya.id }] });
  });

  it("a school's own API key (which reads its pupils) is refused both fields", async () => {
    for (const query of [READ_HOME, READ_PARENT]) {
      const res = await client.query<ReadResult>(schoolKey, query, { id: maya.id });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    await expectNotRead(schoolKey, READ, { id: maya.id });
    await expectNotRead(schoolKey, ENTITIES, { r: [{ __typename: 'Pupil', id: maya.id }] });
  });

  it('no refused read is recorded in the data access log', async () => {
    const rows = await orm.em
      .fork()
      .execute<{ n: string }[]>(
        `select count(*) as n from audit_event e join audit_event_field f on f.event_id = e.id where e.pupil_id = ? and f.field in ('homeAddress', 'parentCarer')`,
        [maya.id],
      );
    expect(Number(rows[0].n)).toBe(0);
  });

  it("nobody but staff of the pupil's current school changes them", async () => {
    const input = { pupilId: maya.id, homeAddress: { line1: '1 Elsewhere', postcode: 'B1 1AA' }, parentCarer: null };
    const other = await client.query<SetResult>(leaderSouth, SET, { input });
    expect(other.data!.setPupilAddress).toEqual({ pupil: null, error: expect.objectContaining({ code: 'PUPIL_NOT_VISIBLE' }) });
    for (const who of [self, peer, parent, volunteer, alumni, analyst, pupilLevelAnalyst, otherTrustAnalyst, keyWithoutScope]) {
      const res = await client.query(who, SET, { input });
      expect(res.errors?.[0].extensions?.code, who.roles.join()).toBe('FORBIDDEN');
    }
    expect(await stored(maya.id)).toMatchObject({ address_line1: '12 Larkspur Road', address_postcode: 'LS6 2QT', parent_carer_name: 'Grace Okafor' });
  });
});

describe('homeAddress and parentCarer', () => {
  it("are read by staff of the pupil's school and an analyst with pupil-level access, and the destinations subgraph's entity fetch", async () => {
    for (const who of [leaderNorth, staffNorth, pupilLevelAnalyst]) {
      const res = await client.query<ReadResult>(who, READ, { id: maya.id });
      expect(res.errors).toBeUndefined();
      expect(res.data!.pupil).toEqual({
        id: maya.id,
        homeAddress: { line1: '12 Larkspur Road', line2: null, town: 'Leeds', postcode: 'LS6 2QT' },
        parentCarer: { name: 'Grace Okafor', sameAddressAsPupil: true, address: null },
      });
    }
    const entities = await client.query<{ _entities: { id: string; homeAddress: Address | null; parentCarer: Parent | null }[] }>(leaderNorth, ENTITIES, {
      r: [
        { __typename: 'Pupil', id: maya.id },
        { __typename: 'Pupil', id: classmate.id },
      ],
    });
    expect(entities.data!._entities[0].homeAddress?.postcode).toBe('LS6 2QT');
    expect(entities.data!._entities[1]).toEqual({ id: classmate.id, homeAddress: null, parentCarer: null });
  });

  it('each read that shows something is recorded in the data access log, field by field', async () => {
    const reads = async () =>
      orm.em.fork().execute<{ field: string; actor_name: string }[]>(
        `select f.field, e.actor_name from audit_event e join audit_event_field f on f.event_id = e.id
           where e.pupil_id = ? and e.action = 'READ' and f.field in ('homeAddress', 'parentCarer') order by f.field`,
        [maya.id],
      );
    const before = await reads();
    await client.query<ReadResult>(leaderNorth, READ, { id: maya.id });
    const after = await reads();
    expect(after.length - before.length).toBe(2);
    const byPriya = (rows: { field: string; actor_name: string }[]) => rows.filter((row) => row.actor_name === 'Priya Shah').map((row) => row.field);
    expect(byPriya(after).length - byPriya(before).length).toBe(2);
    expect(new Set(byPriya(after))).toEqual(new Set(['homeAddress', 'parentCarer']));
  });
});

describe('setPupilAddress', () => {
  it('tidies and saves both, the postcode upper-case with one space', async () => {
    const set = await client.query<SetResult>(staffNorth, SET, {
      input: {
        pupilId: classmate.id,
        homeAddress: { line1: '  4  Birch  Close ', line2: 'Headingley', town: 'Leeds', postcode: 'ls62qt' },
        parentCarer: { name: 'Sam Reid', address: { line1: 'Flat 2, 9 Mill Street', town: 'Bradford', postcode: ' bd1  1aa ' } },
      },
    });
    expect(set.data!.setPupilAddress).toEqual({
      pupil: {
        id: classmate.id,
        homeAddress: { line1: '4 Birch Close', line2: 'Headingley', town: 'Leeds', postcode: 'LS6 2QT' },
        parentCarer: {
          name: 'Sam Reid',
          sameAddressAsPupil: false,
          address: { line1: 'Flat 2, 9 Mill Street', line2: null, town: 'Bradford', postcode: 'BD1 1AA' },
        },
      },
      error: null,
    });
    expect(await stored(classmate.id)).toMatchObject({ address_postcode: 'LS6 2QT', parent_carer_address_postcode: 'BD1 1AA' });
  });

  it('refuses a bad postcode with an error on its field, and saves nothing of the change', async () => {
    const before = await stored(classmate.id);
    for (const [input, field] of [
      [{ homeAddress: { line1: '1 New Road', postcode: 'LS6' } }, 'homeAddress.postcode'],
      [
        { homeAddress: { line1: '1 New Road', postcode: 'LS6 2QT' }, parentCarer: { name: 'Alex Reid', address: { postcode: '12345' } } },
        'parentCarer.address.postcode',
      ],
      [{ homeAddress: { postcode: 'Q1 1AA1' } }, 'homeAddress.postcode'],
    ] as const) {
      const wrong = await client.query<SetResult>(leaderNorth, SET, { input: { pupilId: classmate.id, ...input } });
      expect(wrong.data!.setPupilAddress.pupil).toBeNull();
      expect(wrong.data!.setPupilAddress.error).toMatchObject({ code: 'PUPIL_ADDRESS_INVALID', fields: [expect.objectContaining({ field })] });
      expect(wrong.data!.setPupilAddress.error!.message).toMatch(/is not a UK postcode .* Nothing was saved\.$/);
      expect(await stored(classmate.id)).toEqual(before);
    }
  });

  it('refuses an own address given with "same as the pupil", and over-long or control-character text', async () => {
    const both = await client.query<SetResult>(leaderNorth, SET, {
      input: { pupilId: classmate.id, parentCarer: { name: 'Sam Reid', sameAddressAsPupil: true, address: { line1: '9 Mill Street' } } },
    });
    expect(both.data!.setPupilAddress.error?.fields.map((f) => f.field)).toEqual(['parentCarer.address']);
    const long = await client.query<SetResult>(leaderNorth, SET, {
      input: { pupilId: classmate.id, homeAddress: { line1: 'x'.repeat(101) }, parentCarer: { name: 'a\u0000b' } },
    });
    expect(long.data!.setPupilAddress.error?.fields.map((f) => f.field)).toEqual(['homeAddress.line1', 'parentCarer.name']);
  });

  it('leaves out what is not given, clears by null, and "same as the pupil" drops their own address', async () => {
    const same = await client.query<SetResult>(leaderNorth, SET, {
      input: { pupilId: classmate.id, parentCarer: { name: 'Sam Reid', sameAddressAsPupil: true } },
    });
    expect(same.data!.setPupilAddress.pupil!.homeAddress?.postcode).toBe('LS6 2QT');
    expect(same.data!.setPupilAddress.pupil!.parentCarer).toEqual({ name: 'Sam Reid', sameAddressAsPupil: true, address: null });
    expect(await stored(classmate.id)).toMatchObject({
      parent_carer_same_address: true,
      parent_carer_address_line1: null,
      parent_carer_address_postcode: null,
    });

    const cleared = await client.query<SetResult>(leaderNorth, SET, { input: { pupilId: classmate.id, homeAddress: null, parentCarer: null } });
    expect(cleared.data!.setPupilAddress).toEqual({ pupil: { id: classmate.id, homeAddress: null, parentCarer: null }, error: null });
    expect(await stored(classmate.id)).toEqual(NO_ADDRESS_COLUMNS);
  });

  it('records each change in the data access log', async () => {
    const rows = await orm.em
      .fork()
      .execute<{ action: string }[]>(
        `select e.action from audit_event e join audit_event_field f on f.event_id = e.id where e.pupil_id = ? and f.field = 'address' order by e.occurred_at`,
        [classmate.id],
      );
    expect(rows.map((row) => row.action)).toEqual(['CHANGE', 'CHANGE', 'CHANGE']);
  });
});
