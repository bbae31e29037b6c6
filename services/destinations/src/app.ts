import { createServiceApp, type Orm, type ServiceDefinition, type ServiceEnv, type SubgraphServer } from '@waymark/subgraph-kit';
import { Destination } from './modules/destination/destination.entity.js';
import { migrations } from './migrations/index.js';
import { buildDestinationsSchema, type DestinationsSchemaConfig } from './schema.js';
import { seedDemo } from './seed.js';
import { DEFAULT_PUPILS_URL } from './env.js';

export function defineDestinationsService(config: DestinationsSchemaConfig): ServiceDefinition {
  return {
    name: 'destinations',
    defaultPort: 4105,
    entities: [Destination],
    migrations,
    buildSchema: () => buildDestinationsSchema(config),
    seed: seedDemo,
  };
}

/** With the default pupils address: what the tooling and the composition build (the schema is the same). */
export const destinationsService: ServiceDefinition = defineDestinationsService({ pupilsUrl: DEFAULT_PUPILS_URL });

export function createApp(deps: { env: Pick<ServiceEnv, 'publicKeyPem' | 'nodeEnv'> & DestinationsSchemaConfig; orm: Orm }): Promise<SubgraphServer> {
  return createServiceApp(defineDestinationsService(deps.env), deps);
}
