import { createServiceApp, type Orm, type ServiceDefinition, type ServiceEnv, type SubgraphServer } from '@waymark/subgraph-kit';
import { Employer } from './modules/employer/employer.entity.js';
import { Volunteer } from './modules/volunteer/volunteer.entity.js';
import { migrations } from './migrations/index.js';
import { buildEmployersSchema } from './schema.js';
import { seedDemo } from './seed.js';

export const employersService: ServiceDefinition = {
  name: 'employers',
  entities: [Employer, Volunteer],
  migrations,
  buildSchema: buildEmployersSchema,
  seed: seedDemo,
};

export function createApp(deps: { env: Pick<ServiceEnv, 'publicKeyPem' | 'nodeEnv'>; orm: Orm }): Promise<SubgraphServer> {
  return createServiceApp(employersService, deps);
}
