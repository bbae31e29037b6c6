import { randomUUID } from 'node:crypto';
import { demoData } from '@waymark/demo-data';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import type { AddressColumns } from '../src/modules/address/postal-address.js';

/*
 * Who asks, in the tests of the fields read like the vulnerable-group flags (`canSeeSensitive`: the
 * home local authority, the address and parent or carer): Maya Okafor at Northfield, and everyone who
 * may or may not read about her.
 */
const data = demoData();
export const trustId = data.trust.id;
export const [northfield, southbank] = data.schools;
export const maya = data.pupils.find((p) => p.legalForename === 'Maya' && p.legalSurname === 'Okafor')!;
export const classmate = data.pupils.find((p) => p.schoolId === maya.schoolId && p.id !== maya.id && p.leftOn === null)!;

export const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId, displayName: 'Priya Shah' });
export const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId });
export const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId });
export const analyst = makePrincipal({ roles: ['trust_analyst'], trustId });
export const pupilLevelAnalyst = makePrincipal({ roles: ['trust_analyst'], trustId, pupilLevelAccess: true });
export const otherTrustAnalyst = makePrincipal({ roles: ['trust_analyst'], trustId: randomUUID(), pupilLevelAccess: true });
export const self = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId, pupilId: maya.id });
export const peer = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId, pupilId: classmate.id });
export const parent = makePrincipal({ roles: ['parent'], trustId, schoolId: northfield.id, childPupilIds: [maya.id] });
export const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: data.volunteers[0].id, employerId: data.volunteers[0].employerId });
export const alumni = makePrincipal({ roles: ['alumni'] });
export const keyWithoutScope = makePrincipal({
  kind: 'api',
  roles: ['trust_analyst'],
  trustId,
  scopes: ['reports:read', 'roster:write'],
  displayName: 'Warehouse',
});
/** Identity never makes one: a key that carries a school's staff role still reads none of these fields. */
export const schoolKey = makePrincipal({ kind: 'api', roles: ['careers_leader'], schoolId: northfield.id, trustId, displayName: 'MIS link' });

/** Those who see no pupil at all in these fields' tests: another school, volunteers, analysts without pupil-level access or of another trust, a key. */
export const seeNoPupil = [leaderSouth, volunteer, alumni, analyst, otherTrustAnalyst, keyWithoutScope];

/** A pupil row's address and parent or carer columns with nothing recorded. */
export const NO_ADDRESS_COLUMNS: AddressColumns = {
  address_line1: null,
  address_line2: null,
  address_town: null,
  address_postcode: null,
  parent_carer_name: null,
  parent_carer_same_address: false,
  parent_carer_address_line1: null,
  parent_carer_address_line2: null,
  parent_carer_address_town: null,
  parent_carer_address_postcode: null,
};
