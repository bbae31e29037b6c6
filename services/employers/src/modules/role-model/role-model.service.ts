import type { EntityManager } from '@mikro-orm/sql';
import { roleModelInterests, SIC_SECTIONS, type SicSection } from '@waymark/domain';
import { Volunteer } from '../volunteer/volunteer.entity.js';
import type { RoleModelCard } from './role-model.types.js';

/** The most role models one answer lists. */
const LIMIT = 200;

/**
 * The role models a school's pupils may see (docs/domain-rules.md, "Role models"): every volunteer who
 * works with the school, or is a former pupil it confirmed, and who agreed to show a role-model
 * profile. Those that speak to more of `interests` come first, then the school's former pupils, then
 * by first name.
 */
export async function roleModelsFor(em: EntityManager, schoolId: string, interests: readonly string[]): Promise<RoleModelCard[]> {
  const volunteers = await em.find(
    Volunteer,
    { schoolIds: { $contains: [schoolId] }, roleModelConsentedAt: { $ne: null }, roleModelJob: { $ne: null } },
    { orderBy: { firstName: 'asc', id: 'asc' } },
  );
  const cards = volunteers.map((volunteer): RoleModelCard => {
    const sectors = volunteer.sectors.filter((sector): sector is SicSection => Object.hasOwn(SIC_SECTIONS, sector)).map((sector) => SIC_SECTIONS[sector]);
    const formerPupil = volunteer.alumniOfSchoolId === schoolId;
    const jobTitle = volunteer.roleModelJob ?? '';
    const route = volunteer.roleModelRoute ?? '';
    const characteristics = volunteer.roleModelCharacteristics ?? '';
    return {
      id: volunteer.id,
      firstName: volunteer.firstName,
      jobTitle,
      route,
      characteristics,
      sectors,
      formerPupil,
      leftSchoolYear: formerPupil ? volunteer.leftSchoolYear : null,
      matchedInterests: roleModelInterests(interests, [jobTitle, route, characteristics, ...sectors]),
    };
  });
  // Ranked first, then cut: a profile that matches is never left out for one that does not.
  return cards
    .sort(
      (a, b) =>
        b.matchedInterests.length - a.matchedInterests.length || Number(b.formerPupil) - Number(a.formerPupil) || a.firstName.localeCompare(b.firstName),
    )
    .slice(0, LIMIT);
}
