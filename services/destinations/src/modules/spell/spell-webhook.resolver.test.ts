import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData, demoId } from '@waymark/demo-data';
import { makeUpn, todayInEngland } from '@waymark/domain';
import { withSystemAccess } from '@waymark/subgraph-kit';
import { Pupil } from '@waymark/pupils';
import { startHarness, type Harness } from '../../../test/harness.js';
import { SelfReportRow } from '../self-report/self-report.entity.js';
import { ActivitySpellRow } from './spell.entity.js';
import { markSpellEventsForwarded, waitingSpellEvents } from './spell.webhook.js';

/*
 * Recording a leaver's destination writes the trust's `destination.recorded` webhook event, one per
 * spell, in the same transaction (docs/trust-api.md, "Webhooks"): ids, leaving year, source and
 * whether confirmed, never the activity or the provider; and never for a leaver the trust may not
 * see (no agreement to being followed, or opted out of sharing), as the trust's feed leaves them out.
 */
const data = demoData();
const [northfield, southbank] = data.schools;
const today = todayInEngland();
const year = Number(today.slice(0, 4));
const leavingYear = today >= `${year}-06-01` ? year - 1 : year - 2;
const startsOn = `${leavingYear}-09-04`;
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: data.trust.id });

const NO_FLAGS = {
  senSupport: false,
  ehcp: false,
  disadvantaged: false,
  lookedAfter: false,
  eal: false,
  youngCarer: false,
  youngParent: false,
  youthJustice: false,
  refugee: false,
  serviceChild: false,
  persistentAbsence: false,
  neetRisk: false,
};
let serial = 0;
function leaver(school: typeof northfield, name: string, options: { tracking?: boolean; optOut?: boolean } = {}) {
  serial += 1;
  return {
    id: demoId('webhook-spell-pupil', name),
    schoolId: school.id,
    trustId: school.trustId,
    upn: makeUpn(`77777${String(serial).padStart(7, '0')}`),
    legalForename: name,
    legalSurname: 'Hookson',
    preferredName: null,
    dateOfBirth: `${leavingYear - 17}-12-01`,
    yearGroup: null,
    tutorGroup: null,
    leftOn: `${leavingYear}-07-20`,
    enrolledOn: `${leavingYear - 5}-09-01`,
    destinationTracking: options.tracking ?? true,
    localAuthoritySharingOptOut: options.optOut ?? false,
    ...NO_FLAGS,
  };
}
const ada = leaver(northfield, 'Ada');
const ben = leaver(northfield, 'Ben');
const cal = leaver(northfield, 'Cal');
const optedOut = leaver(northfield, 'Olive', { optOut: true });
const optedOutToo = leaver(northfield, 'Opal', { optOut: true });
const unasked = leaver(northfield, 'Una', { tracking: false });
const refused = leaver(northfield, 'Rex');
const south = leaver(southbank, 'Sol');
const reporter = leaver(northfield, 'Remy');
const quietReporter = leaver(northfield, 'Quinn', { optOut: true });

const SINGLE = `mutation ($input: RecordActivitySpellInput!) { recordActivitySpell(input: $input) { spell { id } error { code message } } }`;
const BULK = `mutation ($input: RecordActivitySpellsInput!) { recordActivitySpells(input: $input) { recorded error { code message } } }`;

let harness: Harness;
/** A leaver's waiting events as the gateway's relay reads them (spell.webhook.ts), oldest first, with the school and forwarding as the outbox kept them. */
const eventsFor = async (pupilId: string) =>
  (await withSystemAccess(harness.orm, 'test: the waiting webhook events', (em) => waitingSpellEvents(em, 500)))
    .map((event) => ({ ...event, schoolId: event.data.schoolId, forwardedAt: null }))
    .filter((event) => event.data.pupilId === pupilId);
const spellsOf = (pupilId: string) => harness.orm.em.fork().find(ActivitySpellRow, { pupilId });

beforeAll(async () => {
  harness = await startHarness();
  const em = harness.pupilsOrm.em.fork();
  for (const added of [ada, ben, cal, optedOut, optedOutToo, unasked, refused, south, reporter, quietReporter]) em.create(Pupil, added);
  await em.flush();
});

afterAll(async () => {
  await harness?.close();
});

const CONFIRM = `mutation ($id: ID!) { confirmSelfReport(id: $id) { spell { id } error { code message } } }`;

/** A leaver's self-report waiting for the school's decision, as the self-report link leaves it. */
async function pendingReport(pupil: ReturnType<typeof leaver>): Promise<string> {
  const em = harness.orm.em.fork();
  const row = em.create(SelfReportRow, {
    id: crypto.randomUUID(),
    pupilId: pupil.id,
    schoolId: pupil.schoolId,
    trustId: pupil.trustId,
    leavingYear,
    tokenHash: null,
    firstName: pupil.legalForename,
    schoolName: 'Northfield Academy',
    status: 'PENDING',
    createdById: 'leader-north',
    createdAt: new Date(),
    expiresAt: new Date(Date.now() + 86_400_000),
    submittedAt: new Date(),
    activity: 'APPRENTICESHIP',
    providerKind: null,
    apprenticeshipLevel: 3,
    provider: 'Hookson Engineering',
    course: null,
    startsOn,
    decidedById: null,
    decidedAt: null,
    spellId: null,
  });
  await em.flush();
  return row.id;
}

describe('the destination.recorded webhook event', () => {
  it("is written when the school confirms a leaver's self-report, as for any other recording, and not for a leaver who opted out", async () => {
    const confirmed = await harness.client.query<{ confirmSelfReport: { spell: { id: string } | null; error: unknown } }>(leaderNorth, CONFIRM, {
      id: await pendingReport(reporter),
    });
    expect(confirmed.data!.confirmSelfReport.error).toBeNull();
    const spellId = confirmed.data!.confirmSelfReport.spell!.id;
    const events = await eventsFor(reporter.id);
    expect(events.map((event) => event.data)).toEqual([
      { schoolId: northfield.id, spellId, pupilId: reporter.id, leavingYear, source: 'SELF_REPORTED', confirmed: true },
    ]);
    expect(events[0]).toMatchObject({ trustId: data.trust.id, schoolId: northfield.id });
    expect(JSON.stringify(events[0])).not.toMatch(/Hookson|Remy|APPRENTICESHIP|77777/);

    const quiet = await harness.client.query<{ confirmSelfReport: { spell: { id: string } | null; error: unknown } }>(leaderNorth, CONFIRM, {
      id: await pendingReport(quietReporter),
    });
    expect(quiet.data!.confirmSelfReport.error).toBeNull();
    expect(await spellsOf(quietReporter.id)).toHaveLength(1);
    expect(await eventsFor(quietReporter.id)).toEqual([]);
  });

  it("is written with a single spell, for the school's trust: ids, leaving year, source and confirmation only", async () => {
    const res = await harness.client.query<{ recordActivitySpell: { spell: { id: string } | null; error: unknown } }>(leaderNorth, SINGLE, {
      input: { pupilId: ada.id, activity: 'EMPLOYMENT_WITHOUT_TRAINING', provider: 'Hookson Bakery Ltd', startsOn },
    });
    expect(res.data!.recordActivitySpell.error).toBeNull();
    const spellId = res.data!.recordActivitySpell.spell!.id;
    const events = await eventsFor(ada.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ trustId: data.trust.id, schoolId: northfield.id, forwardedAt: null });
    expect(events[0].data).toEqual({ schoolId: northfield.id, spellId, pupilId: ada.id, leavingYear, source: 'STAFF', confirmed: false });
    expect(JSON.stringify(events[0])).not.toMatch(/Hookson|Ada|EMPLOYMENT|Bakery|77777/);
  });

  it('is one per spell of a bulk entry, for the leavers the trust may see only', async () => {
    const res = await harness.client.query<{ recordActivitySpells: { recorded: number; error: unknown } }>(leaderNorth, BULK, {
      input: { pupilIds: [ben.id, cal.id, optedOut.id], activity: 'NEET_AVAILABLE', startsOn, confirmed: true },
    });
    expect(res.data!.recordActivitySpells).toEqual({ recorded: 3, error: null });
    for (const shared of [ben, cal]) {
      const [spell] = await spellsOf(shared.id);
      const events = await eventsFor(shared.id);
      expect(events.map((event) => event.data)).toEqual([
        { schoolId: northfield.id, spellId: spell.id, pupilId: shared.id, leavingYear, source: 'STAFF', confirmed: true },
      ]);
    }
    // The opted-out leaver's spell is saved, and nothing tells the trust.
    expect(await spellsOf(optedOut.id)).toHaveLength(1);
    expect(await eventsFor(optedOut.id)).toEqual([]);
  });

  it('is not written for a single spell of a leaver who opted out of sharing, nor for one who has not agreed to being followed', async () => {
    const res = await harness.client.query<{ recordActivitySpell: { spell: { id: string } | null; error: unknown } }>(leaderNorth, SINGLE, {
      input: { pupilId: optedOutToo.id, activity: 'EDUCATION', providerKind: 'FE_COLLEGE', startsOn },
    });
    expect(res.data!.recordActivitySpell.error).toBeNull();
    expect(await spellsOf(optedOutToo.id)).toHaveLength(1);
    expect(await eventsFor(optedOutToo.id)).toEqual([]);
    // Without their agreement only a place in the school's own sixth form could be recorded (refused here: they left).
    const unagreed = await harness.client.query<{ recordActivitySpell: { error: { code: string } | null } }>(leaderNorth, SINGLE, {
      input: { pupilId: unasked.id, activity: 'NEET_AVAILABLE', startsOn },
    });
    expect(unagreed.data!.recordActivitySpell.error?.code).toBe('NO_TRACKING_CONSENT');
    expect(await eventsFor(unasked.id)).toEqual([]);
  });

  it("goes to the recording school's trust with that school's id", async () => {
    const res = await harness.client.query<{ recordActivitySpell: { error: unknown } }>(leaderSouth, SINGLE, {
      input: { pupilId: south.id, activity: 'NEET_NOT_AVAILABLE', startsOn },
    });
    expect(res.data!.recordActivitySpell.error).toBeNull();
    const [event] = await eventsFor(south.id);
    expect(event).toMatchObject({ trustId: data.trust.id, schoolId: southbank.id, data: { schoolId: southbank.id, pupilId: south.id } });
  });

  it("is read by the relay until identity takes it, and its forwarding is no change to the spell in the trust's sync feed", async () => {
    const [event] = await eventsFor(ada.id);
    expect(event).toBeDefined();
    const changes = () =>
      withSystemAccess(harness.orm, 'test: the sync feed', async (em) =>
        Number((await em.execute<{ n: string }[]>('select count(*) as n from destination_sync_change where row_id = ?', [event.id]))[0].n),
      );
    const logged = await changes();
    expect(logged).toBeGreaterThan(0);
    const marked = await withSystemAccess(harness.orm, 'test: marking', (em) => markSpellEventsForwarded(em, [event.id], new Date()));
    expect(marked).toBe(1);
    expect(await eventsFor(ada.id)).toEqual([]);
    // Marked again (identity answered twice): nothing more is marked.
    expect(await withSystemAccess(harness.orm, 'test: marking', (em) => markSpellEventsForwarded(em, [event.id], new Date()))).toBe(0);
    expect(await changes()).toBe(logged);
  });

  it('is not written when the spell is refused at commit', async () => {
    // A database refusal at COMMIT (a deferred trigger), after every statement of the request succeeded.
    const em = harness.orm.em.fork();
    await em.execute(
      `create or replace function test_refuse_spell() returns trigger language plpgsql as $$
       begin if new.pupil_id = '${refused.id}' then raise exception 'refused at commit'; end if; return null; end $$;
       create constraint trigger test_refuse_spell after insert on activity_spell deferrable initially deferred for each row execute function test_refuse_spell();`,
    );
    try {
      for (const [query, input] of [
        [SINGLE, { pupilId: refused.id, activity: 'NEET_AVAILABLE', startsOn }],
        [BULK, { pupilIds: [refused.id], activity: 'NEET_AVAILABLE', startsOn }],
      ] as const) {
        const res = await harness.client.query(leaderNorth, query, { input });
        expect(res.errors).toBeDefined();
      }
    } finally {
      await em.execute('drop trigger test_refuse_spell on activity_spell; drop function test_refuse_spell();');
    }
    expect(await spellsOf(refused.id)).toEqual([]);
    expect(await eventsFor(refused.id)).toEqual([]);
  });
});
