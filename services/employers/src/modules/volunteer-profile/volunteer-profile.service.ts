import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import { checkVolunteerProfile, normaliseDistrict, normalisePostcode, problemList } from '@waymark/domain';
import { AccessError, mutationError } from '@waymark/subgraph-kit';
import { Volunteer } from '../volunteer/volunteer.entity.js';
import { isSelf } from '../volunteer/volunteer.access.js';
import { UpdateMyVolunteerProfileResult, type UpdateMyVolunteerProfileInput } from './volunteer-profile.types.js';

const result = (volunteer: Volunteer | null, error: UpdateMyVolunteerProfileResult['error']) =>
  Object.assign(new UpdateMyVolunteerProfileResult(), { volunteer, error });

export class VolunteerProfileService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Saves the signed-in volunteer's profile as a whole, or nothing at all when any part is wrong.
   * A role-model profile is kept only with the volunteer's consent.
   */
  async update(principal: Principal, input: UpdateMyVolunteerProfileInput, now = new Date()): Promise<UpdateMyVolunteerProfileResult> {
    const volunteer = principal.volunteerId ? await this.em.findOne(Volunteer, { id: principal.volunteerId }) : null;
    if (!volunteer || !isSelf(principal, volunteer)) throw AccessError.forbidden('Only a volunteer can change their own profile.');
    const roleModel = input.roleModel
      ? { jobTitle: input.roleModel.jobTitle, route: input.roleModel.route, characteristics: input.roleModel.characteristics ?? '' }
      : null;
    const values = {
      activities: [...new Set(input.activities)],
      sectors: [...new Set(input.sectors ?? [])].sort(),
      homePostcode: input.homePostcode,
      reach: input.reach,
      districts: input.reach === 'DISTRICTS' ? [...new Set((input.districts ?? []).map((d) => d.trim()).filter((d) => d !== ''))] : [],
      radiusMiles: input.reach === 'RADIUS' ? (input.radiusMiles ?? null) : null,
      availability: input.availability ?? '',
      roleModel,
    };
    const problems = problemList(checkVolunteerProfile(values));
    if (input.roleModel && !input.roleModel.consent)
      problems.push({ field: 'roleModel', message: 'Tick the box to agree to pupils and schools seeing your role-model profile' });
    if (problems.length > 0) return result(null, mutationError('VOLUNTEER_PROFILE_INVALID', 'Some parts of your profile need changing.', problems));

    this.em.assign(volunteer, {
      activities: values.activities,
      sectors: values.sectors,
      homePostcode: normalisePostcode(values.homePostcode),
      reach: values.reach,
      reachDistricts: values.districts.map((d) => normaliseDistrict(d)!),
      radiusMiles: values.radiusMiles,
      availability: values.availability.trim(),
      roleModelJob: roleModel ? roleModel.jobTitle.trim() : null,
      roleModelRoute: roleModel ? roleModel.route.trim() : null,
      roleModelCharacteristics: roleModel ? roleModel.characteristics.trim() : null,
      roleModelConsentedAt: roleModel ? (volunteer.roleModelConsentedAt ?? now) : null,
      profileUpdatedAt: now,
    });
    await this.em.flush();
    return result(volunteer, null);
  }
}
