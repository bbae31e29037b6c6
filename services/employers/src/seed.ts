import type { Orm } from '@waymark/subgraph-kit';
import { demoData, type DemoOptions } from '@waymark/demo-data';
import { Employer, OrganisationKind } from './modules/employer/employer.entity.js';
import { Volunteer, VolunteerKind } from './modules/volunteer/volunteer.entity.js';
import { addDays, todayInEngland } from '@waymark/domain';
import { VolunteerRequest } from './modules/request/request.entity.js';
import { Placement } from './modules/placement/placement.entity.js';
import { workingDays } from './modules/placement/placement.service.js';

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
      ...DEMO_ROLE_MODELS[volunteer.email],
    });
  }
  // Open requests for volunteers to find: Northfield wants a talk in person in LS6, Southbank mock interviews online.
  const today = todayInEngland();
  const leaderOf = (schoolId: string) => data.accounts.find((a) => a.schoolId === schoolId && a.roles.includes('careers_leader'))!;
  const [northfield, southbank] = data.schools;
  em.create(VolunteerRequest, {
    id: DEMO_REQUEST_IDS.northfieldTalk,
    schoolId: northfield.id,
    trustId: northfield.trustId,
    activity: 'TALK',
    dateFrom: addDays(today, 14),
    dateTo: addDays(today, 42),
    yearGroups: [10],
    volunteersWanted: 2,
    sectors: [],
    virtual: false,
    postcode: 'LS6 2AB',
    district: 'LS6',
    details: 'A 20-minute talk to Year 10 about your job and how you got into it, with time for questions.',
    createdById: leaderOf(northfield.id).id,
  });
  em.create(VolunteerRequest, {
    id: DEMO_REQUEST_IDS.southbankInterviews,
    schoolId: southbank.id,
    trustId: southbank.trustId,
    activity: 'MOCK_INTERVIEW',
    dateFrom: addDays(today, 21),
    dateTo: addDays(today, 35),
    yearGroups: [11],
    volunteersWanted: 3,
    sectors: [],
    virtual: true,
    postcode: null,
    district: null,
    details: 'Fifteen-minute mock interviews over video for Year 11 pupils applying for apprenticeships.',
    createdById: leaderOf(southbank.id).id,
  });
  // A week's work-experience placement (Monday to Friday) Sam (Acme) offers Year 10 at both schools, about four weeks ahead.
  const [sam] = data.volunteers;
  let placementFrom = addDays(today, 28);
  while (new Date(`${placementFrom}T12:00:00Z`).getUTCDay() !== 1) placementFrom = addDays(placementFrom, 1);
  em.create(Placement, {
    id: DEMO_PLACEMENT_IDS.acmeWorkshop,
    volunteerId: sam.id,
    employerId: sam.employerId,
    title: 'A week in the engineering workshop',
    tasks: 'Shadow our engineers, help test parts on the workshop floor and design a simple bracket on the computer.',
    dateFrom: placementFrom,
    dateTo: addDays(placementFrom, 4),
    hoursPerDay: 6,
    days: workingDays(placementFrom, addDays(placementFrom, 4)),
    capacity: 4,
    yearGroups: [10],
    schoolIds: [northfield.id, southbank.id],
  });
  await em.flush();
}

/** Role-model profiles two demo volunteers agreed to show the pupils of their schools. */
const DEMO_ROLE_MODELS: Record<string, Partial<Volunteer>> = {
  'alumni@northfield.test': {
    roleModelJob: 'Junior software developer',
    roleModelRoute: 'Computing and maths A levels in the sixth form here, then a software development apprenticeship.',
    roleModelCharacteristics: 'I was not sure about university, and the apprenticeship paid me while I learned.',
    roleModelConsentedAt: new Date('2026-09-01T09:00:00Z'),
  },
  'ruth.adeyemi@riverside-nhs.test': {
    roleModelJob: 'Staff nurse',
    roleModelRoute: 'A health and social care course at college, then a nursing degree.',
    roleModelCharacteristics: 'First in my family to go to university. I look after children on a busy hospital ward.',
    roleModelConsentedAt: new Date('2026-09-01T09:00:00Z'),
  },
};

/** The demo placements' ids, so tests can find them. */
export const DEMO_PLACEMENT_IDS = {
  acmeWorkshop: '7c1a0f3e-52d4-4e0b-9d1e-0a6b7c3d2e20',
};

/** The demo requests' ids, so tests can find them. */
export const DEMO_REQUEST_IDS = {
  northfieldTalk: '7c1a0f3e-52d4-4e0b-9d1e-0a6b7c3d2e10',
  southbankInterviews: '7c1a0f3e-52d4-4e0b-9d1e-0a6b7c3d2e11',
};
