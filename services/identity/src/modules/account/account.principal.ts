import type { Principal } from '@waymark/auth';
import type { Account } from './account.entity.js';

/** What the gateway vouches for on every call a signed-in person makes, from the session `sessionId`. */
export function principalOf(account: Account, sessionId: string): Principal {
  return {
    kind: 'user',
    accountId: account.id,
    displayName: account.displayName,
    roles: [...account.roles],
    trustId: account.trustId,
    schoolId: account.schoolId,
    pupilId: account.pupilId,
    volunteerId: account.volunteerId,
    employerId: account.employerId,
    childPupilIds: [...account.childPupilIds],
    pupilLevelAccess: account.pupilLevelAccess,
    scopes: [],
    sessionId,
  };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
