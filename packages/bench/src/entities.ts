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
    await definition.seed?.(orm, { secondTrust: false });
    return await run(orm);
  } finally {
    await orm.close(true);
    await db.dispose();
  }
}

/**
 * `_entities` for 1,000 pupils (docs/performance-targets.md: at most 2 SQL statements, not growing with rows):
 * pupils' own Pupil reference, and encounters' Pupil.participations.
 */
export async function entitiesScenarios(): Promise<Result[]> {
  const data = demoData();
  const school = data.schools[0];
  const leader = makePrincipal({ roles: ['careers_leader'], schoolId: school.id, trustId: data.trust.id });
  const ids = Array.from({ length: PUPILS }, () => randomUUID());
  const representations = ids.map((id) => ({ __typename: 'Pupil', id }));
  const results: Result[] = [];

  // One pupils subgraph holding the demo pupils plus 1,000 more, used by both scenarios: the second
  // needs it because encounters asks it what the caller may read of each pupil's history.
  await withService(pupilsService, async (pupilsOrm) => {
    await pupilsOrm.em.fork().insertMany(
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
    const pupilsApp = await createPupils({ env: { publicKeyPem: testKeys().publicKeyPem, nodeEnv: 'test' }, orm: pupilsOrm });
    const pupils = await SubgraphTestClient.start(pupilsApp);
    try {
      const { result, statements } = await countStatements(pupilsOrm, () =>
        pupils.query<{ _entities: unknown[] }>(
          leader,
          'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Pupil { id displayName school { name } } } }',
          { r: representations },
        ),
      );
      if (result.data?._entities.filter(Boolean).length !== PUPILS) throw new Error('pupils _entities did not return every pupil');
      results.push({
        name: 'pupils: _entities for 1,000 pupils',
        value: statements.length,
        floor: 1,
        ratio: statements.length,
        target: '≤ 2 statements',
        unit: 'SQL statements',
        pass: statements.length <= 2,
      });

      await withService(encountersService, async (orm) => {
        const app = await createEncounters({ env: { publicKeyPem: testKeys().publicKeyPem, nodeEnv: 'test', pupilsUrl: `${pupils.baseUrl}/graphql` }, orm });
        const client = await SubgraphTestClient.start(app);
        try {
          const demoIds = data.pupils.filter((p) => p.schoolId === school.id).map((p) => p.id);
          const reps = [...demoIds, ...ids].slice(0, PUPILS).map((id) => ({ __typename: 'Pupil', id }));
          const { result: answer, statements: sql } = await countStatements(orm, () =>
            client.query<{ _entities: ({ participations: unknown[] | null } | null)[] }>(
              leader,
              'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Pupil { participations { attended encounter { title } } } } }',
              { r: reps },
            ),
          );
          if (answer.errors || !answer.data?._entities.some((e) => (e?.participations?.length ?? 0) > 0)) {
            throw new Error(`participations scenario returned no rows: ${JSON.stringify(answer.errors)}`);
          }
          results.push({
            name: 'encounters: Pupil.participations for 1,000 pupils',
            value: sql.length,
            floor: 1,
            ratio: sql.length,
            target: '≤ 2 statements',
            unit: 'SQL statements',
            pass: sql.length <= 2,
          });
        } finally {
          await app.close();
        }
      });
    } finally {
      await pupilsApp.close();
    }
  });
  return results;
}
