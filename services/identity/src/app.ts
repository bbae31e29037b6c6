import { createServiceApp, type Orm, type ServiceDefinition, type ServiceEnv, type SubgraphServer } from '@waymark/subgraph-kit';
import { Account } from './modules/account/account.entity.js';
import { ApiCredential } from './modules/api-credential/api-credential.entity.js';
import { PupilLevelAccessChange } from './modules/pupil-level-access/pupil-level-access.entity.js';
import { Session } from './modules/session/session.entity.js';
import { PendingSignIn, RecoveryCode, SecondFactorPolicy } from './modules/second-factor/second-factor.entity.js';
import { SignInThrottleEntry, TrustedDevice } from './modules/sign-in-throttle/sign-in-throttle.entity.js';
import { migrations } from './migrations/index.js';
import { internalRoutes } from './routes.js';
import { buildIdentitySchema, type IdentitySchemaConfig } from './schema.js';
import { seedDemo } from './seed.js';
import { DEFAULT_PUPILS_URL } from './env.js';
import { smtpMailer, type Mailer, type MailSettings } from './modules/mail/mailer.js';
import { EmailToken, VolunteerSignUp } from './modules/sign-up/sign-up.entity.js';
import { VolunteerProvisioning } from './modules/volunteer-provisioning/volunteer-provisioning.entity.js';
import { VolunteerErasure, VolunteerErasureStep } from './modules/volunteer-erasure/volunteer-erasure.entity.js';
import { volunteerErasureRoutes } from './modules/volunteer-erasure/volunteer-erasure.routes.js';
import { WebhookDelivery, WebhookEndpoint, WebhookEvent } from './modules/webhook/webhook.entity.js';
import { webhookDeliveryJob } from './modules/webhook/webhook.delivery.js';
import { LeaderMail } from './modules/leader-mail/leader-mail.entity.js';
import { leaderMailJob } from './modules/leader-mail/leader-mail.service.js';
import { localSubgraphUrl } from '@waymark/auth';

export interface IdentityServiceConfig extends IdentitySchemaConfig {
  /** Where sign-up and password-reset mail goes (null: both are off), or a mailer of the caller's own. */
  mail?: MailSettings | Mailer | null;
  /** How often waiting mail to careers leaders is sent (5 s when not given). */
  leaderMailMs?: number;
}

function mailerOf(mail: IdentityServiceConfig['mail']): Mailer | null {
  if (!mail) return null;
  return 'send' in mail ? mail : smtpMailer(mail);
}

export function defineIdentityService(config: IdentityServiceConfig): ServiceDefinition {
  const mailer = mailerOf(config.mail);
  return {
    name: 'identity',
    entities: [
      Account,
      Session,
      ApiCredential,
      PupilLevelAccessChange,
      SignInThrottleEntry,
      TrustedDevice,
      RecoveryCode,
      PendingSignIn,
      SecondFactorPolicy,
      EmailToken,
      VolunteerSignUp,
      VolunteerProvisioning,
      VolunteerErasure,
      VolunteerErasureStep,
      WebhookEndpoint,
      WebhookEvent,
      WebhookDelivery,
      LeaderMail,
    ],
    migrations,
    buildSchema: () => buildIdentitySchema(config),
    seed: seedDemo,
    routes: (orm) => volunteerErasureRoutes(orm, internalRoutes(orm, mailer, config.employersUrl ?? localSubgraphUrl('employers'))),
    // Mail to careers leaders waits in leader_mail while no mail server is set up.
    housekeeping: [webhookDeliveryJob(config.webhooks ?? { production: true }), ...(mailer ? [leaderMailJob(mailer, config.leaderMailMs)] : [])],
    rowSecurity: true,
  };
}

/** With the default pupils address: what the tooling and the composition build (the schema is the same). */
export const identityService: ServiceDefinition = defineIdentityService({ pupilsUrl: DEFAULT_PUPILS_URL });

export function createApp(deps: { env: Pick<ServiceEnv, 'publicKeyPem' | 'nodeEnv'> & IdentityServiceConfig; orm: Orm }): Promise<SubgraphServer> {
  const webhooks = deps.env.webhooks ?? { production: deps.env.nodeEnv === 'production' };
  return createServiceApp(defineIdentityService({ ...deps.env, webhooks }), deps);
}
