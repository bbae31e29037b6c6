import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { IdentityHarness } from '../../../test/harness.js';

const data = demoData();
const [northfield, southbank] = data.schools;
const pupil = data.pupils.find((p) => p.schoolId === northfield.id && p.leftOn === null)!;
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id, displayName: 'Linker' });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: data.trust.id });
const LINK = `mutation ($input: LinkParentAccountInput!) { linkParentAccount(input: $input) { account { id } error { code } } }`;

let h: IdentityHarness;

beforeAll(async () => {
  h = await IdentityHarness.start({ pupils: true });
});

afterAll(() => h?.close());

/** The events an account has in the pupils subgraph's trail. */
async function eventsBy(accountId: string): Promise<{ pupil_id: string; action: string; source: string; fields: string[] }[]> {
  return h.pupils!.orm.em.fork().execute(
    `select e.pupil_id, e.action, e.source, array(select f.field from audit_event_field f where f.event_id = e.id) as fields
     from audit_event e where e.actor_account_id = ?`,
    [accountId],
  );
}

describe('parent links in the data access log', () => {
  it("records linking a parent as a CHANGE to the pupil's record, through the pupils subgraph", async () => {
    const res = await h.query<{ linkParentAccount: { error: unknown } }>(leaderNorth, LINK, {
      input: { email: 'audit.parent@example.test', displayName: 'Audit Parent', pupilId: pupil.id },
    });
    expect(res.data!.linkParentAccount.error).toBeNull();
    expect(await eventsBy(leaderNorth.accountId)).toEqual([{ pupil_id: pupil.id, action: 'CHANGE', source: 'identity', fields: ['parentLinks'] }]);
  });

  it('records nothing for a link that was refused', async () => {
    const res = await h.query<{ linkParentAccount: { error: { code: string } | null } }>(leaderSouth, LINK, {
      input: { email: 'other.parent@example.test', displayName: 'Other Parent', pupilId: pupil.id },
    });
    expect(res.data!.linkParentAccount.error).not.toBeNull();
    expect(await eventsBy(leaderSouth.accountId)).toEqual([]);
  });
});
