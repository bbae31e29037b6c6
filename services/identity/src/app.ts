import { createServiceApp, type Orm, type ServiceDefinition, type ServiceEnv, type SubgraphServer } from '@waymark/subgraph-kit';
import { Account } from './modules/account/account.entity.js';
import { ApiCredential } from './modules/api-credential/api-credential.entity.js';
import { Session } from './modules/session/session.entity.js';
import { migrations } from './migrations/index.js';
import { internalRoutes } from './routes.js';
import { buildIdentitySchema } from './schema.js';
import { seedDemo } from './seed.js';

export const identityService: ServiceDefinition = {
  name: 'identity',
  defaultPort: 4101,
  entities: [Account, Session, ApiCredential],
  migrations,
  buildSchema: buildIdentitySchema,
  seed: seedDemo,
  routes: internalRoutes,
};

export function createApp(deps: { env: Pick<ServiceEnv, 'publicKeyPem' | 'nodeEnv'>; orm: Orm }): Promise<SubgraphServer> {
  return createServiceApp(identityService, deps);
}
