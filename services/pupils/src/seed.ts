import type { Orm } from '@waymark/subgraph-kit';
import { academicYearOf } from '@waymark/domain';
import { demoData, type DemoOptions } from '@waymark/demo-data';
import { Pupil } from './modules/pupil/pupil.entity.js';
import { School, Trust } from './modules/school/school.entity.js';

/** The September a pupil started Year 7: on-roll pupils from their year group, leavers from their last summer (Year 13). */
function startedSecondary(yearGroup: number | null, leftOn: string | null, currentYear: number): string {
  if (yearGroup !== null) return `${currentYear - (yearGroup - 7)}-09-01`;
  const leavingYear = academicYearOf(new Date(`${leftOn ?? `${currentYear}-07-31`}T00:00:00Z`));
  return `${leavingYear - 6}-09-01`;
}

/**
 * Seeds the demo trust, schools and pupils (with their period at school) into an empty database; does nothing
 * otherwise. Northfield lets parents in, so the demo parent can see their child; Southbank does not.
 */
export async function seedDemo(orm: Orm, options: DemoOptions = {}): Promise<void> {
  const em = orm.em.fork();
  if ((await em.count(School, {})) > 0) return;
  const data = demoData(new Date(), options);
  const currentYear = academicYearOf(new Date());
  for (const trust of data.trusts) em.create(Trust, { id: trust.id, name: trust.name });
  data.schools.forEach((school, index) => {
    em.create(School, {
      id: school.id,
      trustId: school.trustId,
      name: school.name,
      urn: school.urn,
      localAuthority: school.localAuthority,
      parentAccessEnabled: index === 0,
    });
  });
  for (const pupil of data.pupils) {
    // Each pupil's one period so far, at their (last) school, lives on the pupil row.
    em.create(Pupil, {
      id: pupil.id,
      schoolId: pupil.schoolId,
      trustId: pupil.trustId,
      upn: pupil.upn,
      legalForename: pupil.legalForename,
      legalSurname: pupil.legalSurname,
      preferredName: pupil.preferredName,
      dateOfBirth: pupil.dateOfBirth,
      yearGroup: pupil.yearGroup,
      yearGroupAcademicYear: pupil.yearGroup === null ? null : currentYear,
      tutorGroup: pupil.tutorGroup,
      leftOn: pupil.leftOn,
      enrolledOn: startedSecondary(pupil.yearGroup, pupil.leftOn, currentYear),
      ...pupil.flags,
      neetRiskScore: pupil.neetRiskScore,
    });
  }
  await em.flush();
}
