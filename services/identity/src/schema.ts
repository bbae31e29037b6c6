import { buildFederatedSchema } from '@waymark/subgraph-kit';
import type { GraphQLSchema } from 'graphql';
import { localSubgraphUrl } from '@waymark/auth';
import { AccountResolver } from './modules/account/account.resolver.js';
import { DataProtectionLeadResolver } from './modules/data-protection-lead/data-protection-lead.resolver.js';
import { PupilLevelAccessResolver } from './modules/pupil-level-access/pupil-level-access.resolver.js';
import { resolveAccountReference } from './modules/account/account.reference.js';
import { ApiCredentialResolver } from './modules/api-credential/api-credential.resolver.js';
import { parentLinkResolver } from './modules/parent-link/parent-link.resolver.js';
import { pupilParentLinksResolver, resolvePupilReference } from './modules/parent-link/pupil-parent-links.resolver.js';
import { PupilStub } from './modules/external/pupil.stub.js';
import { SecondFactorResolver } from './modules/second-factor/second-factor.resolver.js';
import { SessionResolver } from './modules/session/session.resolver.js';
import { personExportResolver, refusePersonSubjectAccessReference } from './modules/person-export/person-export.resolver.js';
import { accountSubjectAccessResolver } from './modules/subject-access/account-subject-access.resolver.js';
import { RetentionResolver } from './modules/retention/pseudonymise.resolver.js';
import { webhookResolver } from './modules/webhook/webhook.resolver.js';
import type { WebhookSettings } from './modules/webhook/webhook.service.js';

export interface IdentitySchemaConfig {
  /** The pupils subgraph, asked on the caller's behalf whether the pupil a parent is linked to is theirs. */
  pupilsUrl: string;
  /** The employers subgraph, asked on the caller's behalf whether a volunteer volunteers with their school. */
  employersUrl?: string;
  /** Webhook addresses: production's rules (https, public addresses only) unless told otherwise; tests may also play DNS. */
  webhooks?: WebhookSettings;
}

/** Where the employers subgraph answers when nothing says otherwise. */
const DEFAULT_EMPLOYERS_URL = localSubgraphUrl('employers');

export function buildIdentitySchema(config: IdentitySchemaConfig): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      RetentionResolver,
      AccountResolver,
      ApiCredentialResolver,
      DataProtectionLeadResolver,
      PupilLevelAccessResolver,
      parentLinkResolver(config),
      pupilParentLinksResolver(config),
      SessionResolver,
      SecondFactorResolver,
      accountSubjectAccessResolver(config),
      webhookResolver(config.webhooks ?? { production: true }),
      personExportResolver({ pupilsUrl: config.pupilsUrl, employersUrl: config.employersUrl ?? DEFAULT_EMPLOYERS_URL }),
    ],
    orphanedTypes: [PupilStub],
    references: { Account: resolveAccountReference, Pupil: resolvePupilReference, PersonSubjectAccess: refusePersonSubjectAccessReference },
  });
}
