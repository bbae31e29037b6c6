import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { openDatabase, type Orm, type ServiceDefinition } from '@waymark/subgraph-kit';
import { SubgraphTestClient, countStatements, makePrincipal, testDatabase, testKeys } from '@waymark/subgraph-kit/testing';
import { Pupil, pupilsService, createApp as createPupils } from '@waymark/pupils';
import { encountersService, createApp as createEncounters } from '@waymark/encounters';
import { demoData } from '@waymark/demo-data';
import { makeUpn } from '@waymark/domain';
import type { Result } from './measure.js';

const PUPILS = 1000;

async function withService<T>(definition: ServiceDefinition, run: (orm: Orm) => Promise<T>): Promise<T> {
  const db = testDatabase(definition.name);
  const orm = await openDatabase({ service: definition.name, entities: definition.entities, migrations: definition.migrations, ...db.options });
  try {
    await definition.seed?.(orm);
    return await run(orm);
  } finally {
    await orm.close(true);
    await db.dispose();
  }
}

/**
 * `_entities` for 1,000 pupils (DESIGN.md §4: at most 2 SQL statements, not growing with rows):
 * pupils' own Pupil reference, and encounters' Pupil.participations.
 */
export async function entitiesScenarios(): Promise<Result[]> {
  const data = demoData();
  const school = data.schools[0];
  const leader = makePrincipal({ roles: ['careers_leader'], schoolId: school.id, trustId: data.trust.id });
  const ids = Array.from({ length: PUPILS }, () => randomUUID());
  const representations = ids.map((id) => ({ __typename: 'Pupil', id }));
  const results: Result[] = [];

  const pupilStatements = await withService(pupilsService, async (orm) => {
    await orm.em.fork().insertMany(
      Pupil,
      ids.map((id, i) => ({
        id,
        schoolId: school.id,
        trustId: data.trust.id,
        upn: makeUpn(`999${String(i).padStart(9, '0')}`),
        legalForename: `Pupil${i}`,
        legalSurname: 'Bench',
        dateOfBirth: '2011-01-01',
        yearGroup: 10,
        preferredName: null,
        tutorGroup: '10B1',
        leftOn: null,
      })) as never,
    );
    const app = await createPupils({ env: { publicKeyPem: testKeys().publicKeyPem, nodeEnv: 'test' }, orm });
    const client = await SubgraphTestClient.start(app);
    try {
      const { result, statements } = await countStatements(orm, () =>
        client.query<{ _entities: unknown[] }>(leader, 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Pupil { id displayName school { name } } } }', { r: representations }),
      );
      if (result.data?._entities.filter(Boolean).length !== PUPILS) throw new Error('pupils _entities did not return every pupil');
      return statements.length;
    } finally {
      await app.close();
    }
  });
  results.push({ name: 'pupils: _entities for 1,000 pupils', value: pupilStatements, floor: 1, ratio: pupilStatements, target: '≤ 2 statements', unit: 'SQL statements', pass: pupilStatements <= 2 });

  const participationStatements = await withService(encountersService, async (orm) => {
    const app = await createEncounters({ env: { publicKeyPem: testKeys().publicKeyPem, nodeEnv: 'test', pupilsUrl: 'http://127.0.0.1:1/graphql' }, orm });
    const client = await SubgraphTestClient.start(app);
    try {
      const demoIds = data.pupils.filter((p) => p.schoolId === school.id).map((p) => p.id);
      const reps = [...demoIds, ...ids].slice(0, PUPILS).map((id) => ({ __typename: 'Pupil', id }));
      const { statements } = await countStatements(orm, () =>
        client.query(leader, 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Pupil { participations { attended encounter { title } } } } }', { r: reps }),
      );
      return statements.length;
    } finally {
      await app.close();
    }
  });
  results.push({ name: 'encounters: Pupil.participations for 1,000 pupils', value: participationStatements, floor: 1, ratio: participationStatements, target: '≤ 2 statements', unit: 'SQL statements', pass: participationStatements <= 2 });
  return results;
}
