/** Every role an account can hold. Staff-like roles act only inside their own school. */
export const ROLES = [
  'pupil',
  'parent',
  'careers_leader',
  'data_protection_lead',
  'staff',
  'careers_adviser',
  'employer_volunteer',
  'alumni',
  'trust_analyst',
  'platform_admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that work with pupil data of their own school. */
export const SCHOOL_STAFF_ROLES: readonly Role[] = ['careers_leader', 'staff', 'careers_adviser'];

/**
 * Roles that answer for a school's handling of personal data: they read the school's data access log
 * and run subject-access exports. The data protection lead holds only these powers (no pupil lists,
 * records, dashboards or changes); it is not one of SCHOOL_STAFF_ROLES, so every rule that looks at
 * staff leaves it out.
 */
export const DATA_PROTECTION_ROLES: readonly Role[] = ['careers_leader', 'data_protection_lead'];

/**
 * Who is asking, as the gateway vouches for it. `kind` separates people signed in through the
 * browser, trust integrations using an API credential, and the gateway's own internal calls.
 */
export interface Principal {
  kind: 'user' | 'api' | 'system';
  accountId: string;
  displayName: string;
  roles: Role[];
  trustId: string | null;
  schoolId: string | null;
  pupilId: string | null;
  volunteerId: string | null;
  employerId: string | null;
  /** A parent or carer's linked children (their records are readable where the school allows it). */
  childPupilIds: string[];
  /** Trust analysts see pupil-level rows (and flags) only when the trust granted it. */
  pupilLevelAccess: boolean;
  /** API credentials carry scopes such as `roster:write`; people carry none. */
  scopes: string[];
  /** A person's session (its id, never its token): which of their signed-in devices is asking. */
  sessionId?: string;
}

export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}

export function isSchoolStaff(principal: Principal, schoolId?: string | null): boolean {
  if (!hasRole(principal, ...SCHOOL_STAFF_ROLES) || !principal.schoolId) return false;
  return schoolId === undefined || principal.schoolId === schoolId;
}

/**
 * A person (never an API key or the gateway) signed in as the careers leader or the data protection
 * lead of a school: of `schoolId` when given.
 */
export function isDataProtectionOfficer(principal: Principal, schoolId?: string | null): boolean {
  if (principal.kind !== 'user' || !hasRole(principal, ...DATA_PROTECTION_ROLES) || !principal.schoolId) return false;
  return schoolId === undefined || principal.schoolId === schoolId;
}

export function isTrustAnalyst(principal: Principal, trustId?: string | null): boolean {
  if (!hasRole(principal, 'trust_analyst') || !principal.trustId) return false;
  return trustId === undefined || principal.trustId === trustId;
}

export const SYSTEM_PRINCIPAL: Principal = {
  kind: 'system',
  accountId: 'gateway',
  displayName: 'Waymark gateway',
  roles: [],
  trustId: null,
  schoolId: null,
  pupilId: null,
  volunteerId: null,
  employerId: null,
  childPupilIds: [],
  pupilLevelAccess: false,
  scopes: [],
};
