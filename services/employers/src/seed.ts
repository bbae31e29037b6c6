import type { Orm } from '@waymark/subgraph-kit';
import { demoData, type DemoOptions } from '@waymark/demo-data';
import { Employer, OrganisationKind } from './modules/employer/employer.entity.js';
import { Volunteer, VolunteerKind } from './modules/volunteer/volunteer.entity.js';

/** Seeds the demo employers, providers and volunteers into an empty database; does nothing otherwise. */
export async function seedDemo(orm: Orm, options: DemoOptions = {}): Promise<void> {
  const em = orm.em.fork();
  if ((await em.count(Employer, {})) > 0) return;
  const data = demoData(new Date(), options);
  for (const employer of data.employers) {
    em.create(Employer, {
      id: employer.id,
      name: employer.name,
      sector: employer.sector,
      kind: OrganisationKind[employer.kind],
      postcode: employer.postcode,
    });
  }
  for (const volunteer of data.volunteers) {
    em.create(Volunteer, {
      id: volunteer.id,
      employerId: volunteer.employerId,
      kind: VolunteerKind[volunteer.kind],
      firstName: volunteer.firstName,
      lastName: volunteer.lastName,
      jobTitle: volunteer.jobTitle,
      email: volunteer.email,
      alumniOfSchoolId: volunteer.alumniOfSchoolId,
      leftSchoolYear: volunteer.leftSchoolYear,
      schoolIds: volunteer.schoolIds,
    });
  }
  await em.flush();
}
