import type { Orm } from '@waymark/subgraph-kit';
import { demoData } from '@waymark/demo-data';
import { Pupil } from './modules/pupil/pupil.entity.js';
import { School, Trust } from './modules/school/school.entity.js';

/** Seeds the demo trust, schools and pupils into an empty database; does nothing otherwise. */
export async function seedDemo(orm: Orm): Promise<void> {
  const em = orm.em.fork();
  if ((await em.count(School, {})) > 0) return;
  const data = demoData();
  em.create(Trust, { id: data.trust.id, name: data.trust.name });
  for (const school of data.schools) {
    em.create(School, { id: school.id, trustId: school.trustId, name: school.name, urn: school.urn, localAuthority: school.localAuthority });
  }
  for (const pupil of data.pupils) {
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
      tutorGroup: pupil.tutorGroup,
      leftOn: pupil.leftOn,
      ...pupil.flags,
      neetRiskScore: pupil.neetRiskScore,
    });
  }
  await em.flush();
}
