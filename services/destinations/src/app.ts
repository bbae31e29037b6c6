import { createServiceApp, type Orm, type ServiceDefinition, type ServiceEnv, type SubgraphServer } from '@waymark/subgraph-kit';
import { Destination } from './modules/destination/destination.entity.js';
import { migrations } from './migrations/index.js';
import { buildDestinationsSchema } from './schema.js';
import { seedDemo } from './seed.js';

export const destinationsService: ServiceDefinition = {
  name: 'destinations',
  defaultPort: 4105,
  entities: [Destination],
  migrations,
  buildSchema: buildDestinationsSchema,
  seed: seedDemo,
};

export function createApp(deps: { env: Pick<ServiceEnv, 'publicKeyPem' | 'nodeEnv'>; orm: Orm }): Promise<SubgraphServer> {
  return createServiceApp(destinationsService, deps);
}
