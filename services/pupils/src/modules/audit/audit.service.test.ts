import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Orm } from '@waymark/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';
import { AuditService, auditCsv, auditEventId } from './audit.service.js';
import { AuditEventNode } from './audit.types.js';

let subgraph: TestSubgraph;
let orm: Orm;

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp, { seed: false });
  orm = subgraph.orm;
});

afterAll(() => subgraph?.close());

/** An event as it was written `age` ago (inserting is the one thing the trail always allows). */
async function eventAged(age: string): Promise<string> {
  const id = randomUUID();
  const em = orm.em.fork();
  await em.execute(
    `insert into audit_event (id, occurred_at, action, pupil_id, school_id, request_id, credential_kind, actor_account_id, actor_name, actor_roles, source)
     values (?, now() - interval '${age}', 'READ', ?, ?, 'r', 'SESSION', 'a', 'A', 'staff', 'pupils')`,
    [id, randomUUID(), randomUUID()],
  );
  await em.execute(`insert into audit_event_field (event_id, field) values (?, 'flags'), (?, 'dateOfBirth')`, [id, id]);
  return id;
}

async function exists(id: string): Promise<boolean> {
  const rows = await orm.em.fork().execute('select 1 from audit_event where id = ?', [id]);
  return rows.length === 1;
}

describe('retention purge', () => {
  it('removes events older than six years with their fields, and keeps the rest', async () => {
    const expired = await eventAged('6 years 1 day');
    const kept = await eventAged('5 years 364 days');
    const today = await eventAged('1 minute');
    expect(await new AuditService(orm.em.fork()).purgeExpired()).toBe(1);
    expect(await exists(expired)).toBe(false);
    expect(await exists(kept)).toBe(true);
    expect(await exists(today)).toBe(true);
    const [{ n }] = await orm.em.fork().execute<{ n: number }[]>('select count(*)::int as n from audit_event_field where event_id = ?', [expired]);
    expect(n).toBe(0);
    expect(await new AuditService(orm.em.fork()).purgeExpired()).toBe(0);
  });

  it('is the only delete the database allows: an event inside the period cannot be deleted by hand', async () => {
    const recent = await eventAged('5 years');
    await expect(orm.em.fork().execute('delete from audit_event where id = ?', [recent])).rejects.toThrow(/append-only/);
    await expect(orm.em.fork().execute('delete from audit_event_field where event_id = ?', [recent])).rejects.toThrow(/append-only/);
    expect(await exists(recent)).toBe(true);
  });
});

describe('auditEventId', () => {
  it('is a stable uuid per request, caller, subject and action', () => {
    const id = auditEventId('req', 'acct', 'pupil', 'READ');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(auditEventId('req', 'acct', 'pupil', 'READ')).toBe(id);
    expect(auditEventId('req', 'acct', 'pupil', 'CHANGE')).not.toBe(id);
    expect(auditEventId('req2', 'acct', 'pupil', 'READ')).not.toBe(id);
  });
});

describe('auditCsv', () => {
  it('quotes what needs quoting and never lets a spreadsheet read a cell as a formula', () => {
    const event = Object.assign(new AuditEventNode(), {
      id: 'e',
      occurredAt: new Date('2026-01-02T03:04:05.000Z'),
      action: 'READ',
      fields: ['flags'],
      pupilId: 'p',
      pupilName: '=HYPERLINK("x")',
      schoolId: 's',
      trustId: null,
      actorAccountId: 'a',
      actorName: 'Shah, Priya',
      actorRoles: ['careers_leader'],
      credentialKind: 'SESSION',
      apiKeyId: null,
      requestId: 'r',
      source: 'pupils',
      detail: null,
    });
    const [, row] = auditCsv([event]).split('\r\n');
    expect(row).toBe(`2026-01-02T03:04:05.000Z,READ,flags,"'=HYPERLINK(""x"")",p,"Shah, Priya",a,careers_leader,Session,r,pupils,`);
  });

  it('neutralises a formula behind a space or after a semicolon too', () => {
    const event = Object.assign(new AuditEventNode(), {
      id: 'e',
      occurredAt: new Date('2026-01-02T03:04:05.000Z'),
      action: 'CHANGE',
      fields: [],
      pupilId: null,
      pupilName: ' =1+1',
      schoolId: 's',
      trustId: null,
      actorAccountId: 'a',
      actorName: 'Jo;=cmd',
      actorRoles: [],
      credentialKind: 'API_KEY',
      apiKeyId: 'k',
      requestId: 'r',
      source: 'pupils',
      detail: null,
    });
    const [, row] = auditCsv([event]).split('\r\n');
    expect(row).toBe(`2026-01-02T03:04:05.000Z,CHANGE,,' =1+1,,"Jo;'=cmd",a,,API key,r,pupils,`);
  });
});
