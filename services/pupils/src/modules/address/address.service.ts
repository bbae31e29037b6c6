import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import { relationTo } from '../pupil/pupil.access.js';
import type { Pupil } from '../pupil/pupil.entity.js';
import { PupilProblems } from '../pupil/pupil.errors.js';
import { PupilService } from '../pupil/pupil.service.js';
import { ParentCarer, PostalAddress, SetPupilAddressResult, type SetPupilAddressInput } from './address.types.js';
import {
  checkAddress,
  checkText,
  EMPTY_ADDRESS,
  isEmptyAddress,
  PARENT_CARER_NAME_LIMIT,
  parentCarerAddressClash,
  type AddressParts,
  type TextProblem,
} from './postal-address.js';

const result = (values: SetPupilAddressResult) => Object.assign(new SetPupilAddressResult(), values);

const toPostalAddress = (parts: AddressParts): PostalAddress | null => (isEmptyAddress(parts) ? null : Object.assign(new PostalAddress(), parts));

export function homeAddressPartsOf(pupil: Pupil): AddressParts {
  return { line1: pupil.addressLine1, line2: pupil.addressLine2, town: pupil.addressTown, postcode: pupil.addressPostcode };
}

export function parentCarerAddressPartsOf(pupil: Pupil): AddressParts {
  return {
    line1: pupil.parentCarerAddressLine1,
    line2: pupil.parentCarerAddressLine2,
    town: pupil.parentCarerAddressTown,
    postcode: pupil.parentCarerAddressPostcode,
  };
}

/** The pupil's address; null when no part of it is recorded. */
export function homeAddressOf(pupil: Pupil): PostalAddress | null {
  return toPostalAddress(homeAddressPartsOf(pupil));
}

/** The parent or carer; null when nothing about them is recorded. */
export function parentCarerOf(pupil: Pupil): ParentCarer | null {
  const address = pupil.parentCarerSameAddress ? null : toPostalAddress(parentCarerAddressPartsOf(pupil));
  if (pupil.parentCarerName === null && !pupil.parentCarerSameAddress && address === null) return null;
  return Object.assign(new ParentCarer(), { name: pupil.parentCarerName, sameAddressAsPupil: pupil.parentCarerSameAddress, address });
}

function setHomeAddress(pupil: Pupil, parts: AddressParts): void {
  pupil.addressLine1 = parts.line1;
  pupil.addressLine2 = parts.line2;
  pupil.addressTown = parts.town;
  pupil.addressPostcode = parts.postcode;
}

function setParentCarer(pupil: Pupil, name: string | null, sameAddress: boolean, parts: AddressParts): void {
  pupil.parentCarerName = name;
  pupil.parentCarerSameAddress = sameAddress;
  pupil.parentCarerAddressLine1 = parts.line1;
  pupil.parentCarerAddressLine2 = parts.line2;
  pupil.parentCarerAddressTown = parts.town;
  pupil.parentCarerAddressPostcode = parts.postcode;
}

/**
 * Staff of the pupil's current school record (replace or clear) the pupil's address, the parent or
 * carer, or both. Every part is checked first: one bad part and nothing at all is saved.
 */
export async function setPupilAddress(em: EntityManager, principal: Principal, input: SetPupilAddressInput) {
  const pupil = await new PupilService(em).findOneVisible(principal, input.pupilId);
  if (!pupil || relationTo(principal, pupil) !== 'staff') return result({ pupil: null, error: PupilProblems.notVisible() });
  const problems: TextProblem[] = [];

  let home: AddressParts | undefined;
  if (input.homeAddress === null) home = { ...EMPTY_ADDRESS };
  else if (input.homeAddress !== undefined) {
    const checked = checkAddress('homeAddress', "the pupil's address", input.homeAddress);
    problems.push(...checked.problems);
    home = checked.address;
  }

  let parent: { name: string | null; sameAddress: boolean; address: AddressParts } | undefined;
  if (input.parentCarer === null) parent = { name: null, sameAddress: false, address: { ...EMPTY_ADDRESS } };
  else if (input.parentCarer !== undefined) {
    const name = checkText('parentCarer.name', "parent's or carer's name", input.parentCarer.name, PARENT_CARER_NAME_LIMIT);
    if (name.problem) problems.push(name.problem);
    const sameAddress = input.parentCarer.sameAddressAsPupil === true;
    const checked = checkAddress('parentCarer.address', "the parent's or carer's address", input.parentCarer.address ?? {});
    problems.push(...checked.problems);
    const clash = parentCarerAddressClash(sameAddress, checked.address);
    if (clash) problems.push({ field: 'parentCarer.address', message: clash });
    parent = { name: name.value, sameAddress, address: sameAddress ? { ...EMPTY_ADDRESS } : checked.address };
  }

  if (problems.length > 0) return result({ pupil: null, error: PupilProblems.addressInvalid(problems) });
  if (home) setHomeAddress(pupil, home);
  if (parent) setParentCarer(pupil, parent.name, parent.sameAddress, parent.address);
  await em.flush();
  return result({ pupil, error: null });
}
