import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import { localAuthorityOfCode } from '@waymark/domain';
import { relationTo } from '../pupil/pupil.access.js';
import { PupilProblems } from '../pupil/pupil.errors.js';
import { PupilService } from '../pupil/pupil.service.js';
import { SetPupilHomeLocalAuthorityResult, type SetPupilHomeLocalAuthorityInput } from './home-authority.types.js';

const result = (values: SetPupilHomeLocalAuthorityResult) => Object.assign(new SetPupilHomeLocalAuthorityResult(), values);

/** The longest code quoted back in a message: a code is three digits, anything longer is a mistake. */
const QUOTED = 20;

/** Staff of the pupil's current school record (or clear) the local authority the pupil lives in. */
export async function setHomeLocalAuthority(em: EntityManager, principal: Principal, input: SetPupilHomeLocalAuthorityInput) {
  const pupil = await new PupilService(em).findOneVisible(principal, input.pupilId);
  if (!pupil || relationTo(principal, pupil) !== 'staff') return result({ pupil: null, error: PupilProblems.notVisible() });
  const code = input.code?.trim() ?? '';
  const authority = code === '' ? null : localAuthorityOfCode(code);
  if (code !== '' && !authority) return result({ pupil: null, error: PupilProblems.homeLocalAuthorityInvalid(code.slice(0, QUOTED)) });
  pupil.homeLaCode = authority?.code ?? null;
  await em.flush();
  return result({ pupil, error: null });
}
