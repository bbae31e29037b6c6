import { createServiceApp, type Orm, type ServiceDefinition, type ServiceEnv, type SubgraphServer } from '@waymark/subgraph-kit';
import { Encounter, Participation } from './modules/encounter/encounter.entity.js';
import { OwnActivity } from './modules/activity/own-activity.entity.js';
import { PupilOutlook } from './modules/outlook/pupil-outlook.entity.js';
import { AgreedAction } from './modules/guidance/agreed-action.entity.js';
import { migrations } from './migrations/index.js';
import { buildEncountersSchema, type EncountersSchemaConfig } from './schema.js';
import { seedDemo } from './seed.js';
import { DEFAULT_PUPILS_URL } from './env.js';

export function defineEncountersService(config: EncountersSchemaConfig): ServiceDefinition {
  return {
    name: 'encounters',
    defaultPort: 4104,
    entities: [Encounter, Participation, OwnActivity, PupilOutlook, AgreedAction],
    migrations,
    buildSchema: () => buildEncountersSchema(config),
    seed: seedDemo,
  };
}

/** With the default pupils address: what the tooling and the composition build (the schema is the same). */
export const encountersService: ServiceDefinition = defineEncountersService({ pupilsUrl: DEFAULT_PUPILS_URL });

export function createApp(deps: { env: Pick<ServiceEnv, 'publicKeyPem' | 'nodeEnv'> & EncountersSchemaConfig; orm: Orm }): Promise<SubgraphServer> {
  return createServiceApp(defineEncountersService(deps.env), deps);
}
