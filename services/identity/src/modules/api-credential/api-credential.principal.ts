import type { Principal } from '@waymark/auth';
import type { ApiCredential } from './api-credential.entity.js';

/** An integration acts as an analyst of its trust, limited by its scopes and never at pupil level. */
export function apiPrincipalOf(credential: Pick<ApiCredential, 'id' | 'name' | 'trustId' | 'scopes'>): Principal {
  return {
    kind: 'api',
    accountId: credential.id,
    displayName: credential.name,
    roles: ['trust_analyst'],
    trustId: credential.trustId,
    schoolId: null,
    pupilId: null,
    volunteerId: null,
    employerId: null,
    childPupilIds: [],
    pupilLevelAccess: false,
    scopes: [...credential.scopes],
  };
}
