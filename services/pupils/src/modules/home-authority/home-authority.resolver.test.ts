import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@waymark/auth';
import type { Orm } from '@waymark/subgraph-kit';
import { startTestSubgraph, type SubgraphTestClient, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';
import {
  northfield,
  southbank,
  maya,
  classmate,
  leaderNorth,
  staffNorth,
  leaderSouth,
  analyst,
  pupilLevelAnalyst,
  self,
  peer,
  parent,
  volunteer,
  alumni,
  keyWithoutScope,
  schoolKey,
  seeNoPupil,
} from '../../../test/sensitive-fixtures.js';

/*
 * A pupil's home local authority (docs/domain-rules.md, "The local authority return"): read by staff
 * of the pupil's school (and the destinations subgraph asking with their credential) and by analysts
 * with pupil-level access, like the vulnerable-group flags; set by staff of the pupil's school. The
 * attacks come first.
 */
let subgraph: TestSubgraph;
let orm: Orm;
let client: SubgraphTestClient;

const codeOf = async (pupilId: string): Promise<string | null> => {
  const [row] = await orm.em.fork().execute<{ home_la_code: string | null }[]>('select home_la_code from pupil where id = ?', [pupilId]);
  return row.home_la_code;
};

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp);
  ({ orm, client } = subgraph);
  // Parents may read Maya's record (so the refusal below is the field's, not the record's).
  await orm.em.fork().execute('update school set parent_access_enabled = true where id = ?', [northfield.id]);
  await orm.em.fork().execute(`update pupil set home_la_code = '330' where id = ?`, [maya.id]);
});

afterAll(() => subgraph?.close());

const READ = `query ($id: ID!) { pupil(id: $id) { id homeLocalAuthority { code name } } }`;
const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Pupil { id homeLocalAuthority { code name } } } }`;
const SET = `mutation ($input: SetPupilHomeLocalAuthorityInput!) {
  setPupilHomeLocalAuthority(input: $input) { pupil { id homeLocalAuthority { code name } } error { code message fields { field message } } }
}`;
type ReadResult = { pupil: { id: string; homeLocalAuthority: { code: string; name: string } | null } | null };
type SetResult = {
  setPupilHomeLocalAuthority: {
    pupil: { id: string; homeLocalAuthority: { code: string; name: string } | null } | null;
    error: { code: string; message: string; fields: { field: string; message: string }[] } | null;
  };
};

/** Whatever the answer, the home local authority is never in it. */
async function expectNotRead(who: Principal, query: string, variables: Record<string, unknown>): Promise<void> {
  const res = await client.query(who, query, variables);
  expect(JSON.stringify(res.data ?? null)).not.toContain('Birmingham');
  expect(JSON.stringify(res.data ?? null)).not.toContain('"330"');
}

describe('the attacks: who never reads a home local authority', () => {
  it("another school's leader, a volunteer, alumni, an analyst without pupil-level access, another trust's analyst and an API key see no pupil at all", async () => {
    for (const who of seeNoPupil) {
      const res = await client.query<ReadResult>(who, READ, { id: maya.id });
      expect(res.data?.pupil ?? null).toBeNull();
      await expectNotRead(who, ENTITIES, { r: [{ __typename: 'Pupil', id: maya.id }] });
    }
  });

  it('the pupil themself, a classmate and a linked parent are refused the field', async () => {
    for (const who of [self, parent]) {
      const res = await client.query<ReadResult>(who, READ, { id: maya.id });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      await expectNotRead(who, READ, { id: maya.id });
    }
    await expectNotRead(peer, READ, { id: maya.id });
    await expectNotRead(peer, ENTITIES, { r: [{ __typename: 'Pupil', id: maya.id }] });
    await expectNotRead(schoolKey, ENTITIES, { r: [{ __typename: 'Pupil', id: maya.id }] });
  });

  it("nobody but staff of the pupil's school changes it", async () => {
    const other = await client.query<SetResult>(leaderSouth, SET, { input: { pupilId: maya.id, code: '380' } });
    expect(other.data!.setPupilHomeLocalAuthority).toEqual({ pupil: null, error: expect.objectContaining({ code: 'PUPIL_NOT_VISIBLE' }) });
    for (const who of [self, parent, volunteer, alumni, analyst, pupilLevelAnalyst, keyWithoutScope]) {
      const res = await client.query(who, SET, { input: { pupilId: maya.id, code: '380' } });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await codeOf(maya.id)).toBe('330');
  });
});

describe('homeLocalAuthority', () => {
  it("is read by staff of the pupil's school, through the pupil and as the destinations subgraph asks, and by an analyst with pupil-level access", async () => {
    for (const who of [leaderNorth, staffNorth, pupilLevelAnalyst]) {
      const res = await client.query<ReadResult>(who, READ, { id: maya.id });
      expect(res.errors).toBeUndefined();
      expect(res.data!.pupil!.homeLocalAuthority).toEqual({ code: '330', name: 'Birmingham' });
    }
    const entities = await client.query<{ _entities: { id: string; homeLocalAuthority: { code: string } | null }[] }>(leaderNorth, ENTITIES, {
      r: [
        { __typename: 'Pupil', id: maya.id },
        { __typename: 'Pupil', id: classmate.id },
      ],
    });
    expect(entities.data!._entities).toEqual([
      { id: maya.id, homeLocalAuthority: { code: '330', name: 'Birmingham' } },
      { id: classmate.id, homeLocalAuthority: null },
    ]);
  });

  it('is set by the code, cleared by null or blank, and an unknown code is refused with nothing saved', async () => {
    const set = await client.query<SetResult>(staffNorth, SET, { input: { pupilId: maya.id, code: ' 383 ' } });
    expect(set.data!.setPupilHomeLocalAuthority).toEqual({ pupil: { id: maya.id, homeLocalAuthority: { code: '383', name: 'Leeds' } }, error: null });
    expect(await codeOf(maya.id)).toBe('383');

    for (const code of ['999', '909', 'Leeds', '33']) {
      const wrong = await client.query<SetResult>(leaderNorth, SET, { input: { pupilId: maya.id, code } });
      expect(wrong.data!.setPupilHomeLocalAuthority.pupil).toBeNull();
      expect(wrong.data!.setPupilHomeLocalAuthority.error).toEqual({
        code: 'PUPIL_HOME_LOCAL_AUTHORITY_INVALID',
        message: `"${code}" is not the code of a local authority in England. Use the three-digit DfE code, such as 330 for Birmingham. Nothing was saved.`,
        fields: [expect.objectContaining({ field: 'code' })],
      });
      expect(await codeOf(maya.id)).toBe('383');
    }

    const blank = await client.query<SetResult>(leaderNorth, SET, { input: { pupilId: maya.id, code: '  ' } });
    expect(blank.data!.setPupilHomeLocalAuthority.pupil!.homeLocalAuthority).toBeNull();
    expect(await codeOf(maya.id)).toBeNull();
    await client.query<SetResult>(leaderNorth, SET, { input: { pupilId: maya.id, code: '330' } });
    const cleared = await client.query<SetResult>(leaderNorth, SET, { input: { pupilId: maya.id, code: null } });
    expect(cleared.data!.setPupilHomeLocalAuthority.error).toBeNull();
    expect(await codeOf(maya.id)).toBeNull();
  });

  it('records each change in the data access log', async () => {
    await client.query<SetResult>(leaderNorth, SET, { input: { pupilId: classmate.id, code: '380' } });
    const rows = await orm.em
      .fork()
      .execute<{ action: string }[]>(
        `select e.action from audit_event e join audit_event_field f on f.event_id = e.id where e.pupil_id = ? and f.field = 'homeLocalAuthority' order by e.occurred_at`,
        [classmate.id],
      );
    expect(rows.map((row) => row.action)).toEqual(['CHANGE']);
  });
});

describe('School.localAuthorityCode', () => {
  it("gives the code of the school's local authority, from its name", async () => {
    const res = await client.query<{ schools: { id: string; localAuthority: string; localAuthorityCode: string | null }[] }>(
      pupilLevelAnalyst,
      '{ schools { id localAuthority localAuthorityCode } }',
    );
    expect(res.data!.schools.find((school) => school.id === northfield.id)).toEqual({ id: northfield.id, localAuthority: 'Leeds', localAuthorityCode: '383' });
    expect(res.data!.schools.find((school) => school.id === southbank.id)?.localAuthorityCode).toBe('380');
  });
});
