import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Field, ID, ObjectType, Query, Resolver, UseMiddleware } from 'type-graphql';
import { auditRead, type AuditEntry, type AuditSink } from './audit.js';
import { openDatabase, type Orm } from './database.js';
import { buildFederatedSchema } from './schema.js';
import { createSubgraphServer, type SubgraphServer } from './server.js';
import { SubgraphTestClient, makePrincipal, testDatabase, testKeys } from './testing.js';

const written: AuditEntry[][] = [];
let failing = false;
const sink: AuditSink = async (_ctx, entries) => {
  if (failing) throw new Error('store unavailable');
  written.push(entries);
};

@ObjectType()
class Person {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  @UseMiddleware(auditRead(sink, 'dateOfBirth'))
  dateOfBirth: string | null;

  @Field(() => String, { nullable: true })
  @UseMiddleware(auditRead(sink, 'notes'))
  notes: string | null;

  @Field()
  name: string;
}

@Resolver()
class PersonResolver {
  @Query(() => [Person])
  people(): Person[] {
    return [
      { id: 'p1', dateOfBirth: '2010-01-01', notes: 'private', name: 'One' },
      { id: 'p2', dateOfBirth: null, notes: null, name: 'Two' },
    ];
  }
}

describe('audit collector in the subgraph server', () => {
  let orm: Orm;
  let server: SubgraphServer;
  let client: SubgraphTestClient;
  const db = testDatabase('kitaudit');
  const leader = makePrincipal({ roles: ['careers_leader'], schoolId: 's1' });

  beforeAll(async () => {
    orm = await openDatabase({ service: 'kitaudit', entities: [], migrations: [], ...db.options });
    const schema = await buildFederatedSchema({ resolvers: [PersonResolver] });
    server = await createSubgraphServer({ name: 'kitaudit', schema, orm, publicKeyPem: testKeys().publicKeyPem, log: () => {} });
    client = await SubgraphTestClient.start(server);
  });

  afterAll(async () => {
    await server?.close();
    await orm?.close(true);
    await db.dispose();
  });

  it('writes once per request: one entry per pupil and action, every field it revealed, nothing for nulls', async () => {
    written.length = 0;
    failing = false;
    const res = await client.query(leader, '{ people { id dateOfBirth notes again: dateOfBirth } }');
    expect(res.errors).toBeUndefined();
    expect(written).toEqual([[{ pupilId: 'p1', action: 'READ', fields: ['dateOfBirth', 'notes'] }]]);
  });

  it('writes nothing for a request that reads nothing sensitive', async () => {
    written.length = 0;
    failing = false;
    await client.query(leader, '{ people { id name } }');
    expect(written).toEqual([]);
  });

  it('fails closed: when the write fails, the answer is an error and carries none of the data', async () => {
    failing = true;
    const res = await client.query(leader, '{ people { id dateOfBirth } }');
    failing = false;
    expect(res.status).toBe(500);
    expect(res.data ?? null).toBeNull();
    expect(JSON.stringify(res)).not.toContain('2010-01-01');
  });
});
