import { createServiceApp, type Orm, type ServiceDefinition, type ServiceEnv, type SubgraphServer } from '@waymark/subgraph-kit';
import { Account } from './modules/account/account.entity.js';
import { ApiCredential } from './modules/api-credential/api-credential.entity.js';
import { Session } from './modules/session/session.entity.js';
import { PendingSignIn, RecoveryCode, SecondFactorPolicy } from './modules/second-factor/second-factor.entity.js';
import { SignInThrottleEntry, TrustedDevice } from './modules/sign-in-throttle/sign-in-throttle.entity.js';
import { migrations } from './migrations/index.js';
import { internalRoutes } from './routes.js';
import { buildIdentitySchema, type IdentitySchemaConfig } from './schema.js';
import { seedDemo } from './seed.js';
import { DEFAULT_PUPILS_URL } from './env.js';

export function defineIdentityService(config: IdentitySchemaConfig): ServiceDefinition {
  return {
    name: 'identity',
    entities: [Account, Session, ApiCredential, SignInThrottleEntry, TrustedDevice, RecoveryCode, PendingSignIn, SecondFactorPolicy],
    migrations,
    buildSchema: () => buildIdentitySchema(config),
    seed: seedDemo,
    routes: internalRoutes,
  };
}

/** With the default pupils address: what the tooling and the composition build (the schema is the same). */
export const identityService: ServiceDefinition = defineIdentityService({ pupilsUrl: DEFAULT_PUPILS_URL });

export function createApp(deps: { env: Pick<ServiceEnv, 'publicKeyPem' | 'nodeEnv'> & IdentitySchemaConfig; orm: Orm }): Promise<SubgraphServer> {
  return createServiceApp(defineIdentityService(deps.env), deps);
}
