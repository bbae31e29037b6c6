import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSystemAccessLog, type SystemAccessLog } from '@waymark/subgraph-kit';
import { makePrincipal, describeRowSecurity, startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { createApp, pupilsService } from './app.js';
import { importRoster, rosterCsv, utf8Base64, type FixturePupil } from '../test/roster-fixtures.js';

// The database's own tenant check on every pupils table (docs/security.md, "Row-level security").
const [northfield, southbank] = demoData().schools;

describeRowSecurity({
  definition: pupilsService,
  tables: ['pupil', 'enrolment', 'flag_change', 'record_comment', 'year_rollover', 'roster_import', 'roster_column_mapping', 'audit_event'],
  leader: makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: northfield.trustId }),
  otherSchoolId: southbank.id,
});

describe('the service as it runs: every connection acts as the application role', () => {
  const data = demoData();
  const trustId = data.trust.id;
  const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId });
  const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId });
  const leaver = data.pupils.find((pupil) => pupil.schoolId === northfield.id && pupil.leftOn !== null)!;
  const PUPIL = `query ($id: ID!) { pupil(id: $id) { id school { id } recordAccess { current } enrolments { school { id } leftOn } } }`;
  let subgraph: TestSubgraph;
  let log: string[];
  let restoreLog: SystemAccessLog;

  beforeAll(async () => {
    log = [];
    restoreLog = setSystemAccessLog((line) => log.push(line));
    subgraph = await startTestSubgraph(pupilsService, createApp, { appRole: true });
  });

  afterAll(async () => {
    setSystemAccessLog(restoreLog);
    await subgraph?.close();
  });

  it('moves a leaver whose identity matches from the school they left, in a background commit, and says why it read every school', async () => {
    const row: FixturePupil = {
      upn: leaver.upn,
      surname: leaver.legalSurname,
      forename: leaver.legalForename,
      preferred: null,
      dob: leaver.dateOfBirth,
      year: 11,
      reg: '11S',
      sen: 'N',
      fsm: false,
      eal: false,
      inCare: false,
    };
    const { previewed } = await importRoster(subgraph.client, leaderSouth, { fileBase64: utf8Base64(rosterCsv([row]), true), fullRoster: false });
    expect(previewed).toMatchObject({ transfersIn: 1, toAdd: 0 });

    const south = await subgraph.client.query<{
      pupil: { school: { id: string }; recordAccess: { current: boolean }; enrolments: { school: { id: string } }[] };
    }>(leaderSouth, PUPIL, { id: leaver.id });
    expect(south.errors).toBeUndefined();
    expect(south.data!.pupil.school.id).toBe(southbank.id);
    expect(south.data!.pupil.recordAccess.current).toBe(true);
    // The new school reads the period at the old one: the enrolment row's current school moved with the pupil.
    expect(south.data!.pupil.enrolments.map((e) => e.school.id)).toEqual([northfield.id, southbank.id]);

    const north = await subgraph.client.query<{ pupil: { recordAccess: { current: boolean } } }>(leaderNorth, PUPIL, { id: leaver.id });
    expect(north.data!.pupil.recordAccess.current).toBe(false);

    expect(log).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\[system access\] request .+: roster preview for school .+: looking up its UPNs at every school$/),
        expect.stringMatching(/^\[system access\] roster import .+: matching its UPNs at every school/),
      ]),
    );
  });

  it('deletes data access log events past the retention period in the daily housekeeping, at every school', async () => {
    const em = subgraph.orm.em.fork();
    // Anyone may add to the log (its rows name the school whose log shows them); nobody may read it without a tenant.
    for (const school of [northfield, southbank]) {
      await em.execute(
        `insert into audit_event (id, occurred_at, action, school_id, trust_id, request_id, credential_kind, actor_account_id, actor_name, actor_roles, source)
         values (gen_random_uuid(), now() - interval '20 years', 'READ', ?, ?, 'old', 'user', 'someone', 'Someone', 'staff', 'pupils')`,
        [school.id, trustId],
      );
    }
    expect(await em.execute('select id from audit_event')).toEqual([]);
    const [job] = pupilsService.housekeeping!;
    expect(await job.run(subgraph.orm, new Date())).toBe('2 events past the retention period deleted');
    expect(await job.run(subgraph.orm, new Date())).toBeUndefined();
    expect(log).toContain('[system access] data access log retention: events past the retention period, at every school');
  });
});
