import { describe, expect, it } from 'vitest';
import { isDataProtectionOfficer, isSchoolStaff, SYSTEM_PRINCIPAL, type Principal } from './principal.js';

const SCHOOL = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

function person(roles: Principal['roles'], extra: Partial<Principal> = {}): Principal {
  return { ...SYSTEM_PRINCIPAL, kind: 'user', accountId: 'a', displayName: 'A', roles, schoolId: SCHOOL, ...extra };
}

describe('isDataProtectionOfficer', () => {
  it('is the careers leader or data protection lead of their own school, signed in as a person', () => {
    expect(isDataProtectionOfficer(person(['data_protection_lead']), SCHOOL)).toBe(true);
    expect(isDataProtectionOfficer(person(['careers_leader']), SCHOOL)).toBe(true);
    expect(isDataProtectionOfficer(person(['data_protection_lead']))).toBe(true);
  });

  it('is nobody else: other staff, another school, no school, an API key, the gateway', () => {
    expect(isDataProtectionOfficer(person(['staff']), SCHOOL)).toBe(false);
    expect(isDataProtectionOfficer(person(['careers_adviser']), SCHOOL)).toBe(false);
    expect(isDataProtectionOfficer(person(['data_protection_lead']), OTHER)).toBe(false);
    expect(isDataProtectionOfficer(person(['data_protection_lead'], { schoolId: null }))).toBe(false);
    expect(isDataProtectionOfficer(person(['data_protection_lead'], { kind: 'api' }), SCHOOL)).toBe(false);
    expect(isDataProtectionOfficer({ ...SYSTEM_PRINCIPAL, roles: ['careers_leader'], schoolId: SCHOOL }, SCHOOL)).toBe(false);
  });

  it('does not make a data protection lead school staff', () => {
    expect(isSchoolStaff(person(['data_protection_lead']))).toBe(false);
  });
});
