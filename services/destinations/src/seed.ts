import type { Orm } from '@waymark/subgraph-kit';
import { demoData, demoId, type DemoOptions } from '@waymark/demo-data';
import { year11LeavingYear, type IntentionKind } from '@waymark/domain';
import { Destination } from './modules/destination/destination.entity.js';
import { Intention } from './modules/intention/intention.entity.js';
import { ActivitySpellRow } from './modules/spell/spell.entity.js';

/** The demo's intended destinations as intention kinds (a "not known" plan is no plan: the pupil stays on the gap list). */
const INTENTION_OF: Record<string, IntentionKind | undefined> = {
  SCHOOL_SIXTH_FORM: 'SCHOOL_SIXTH_FORM',
  SIXTH_FORM_COLLEGE: 'SIXTH_FORM_COLLEGE',
  FE_COLLEGE: 'FE_COLLEGE',
  APPRENTICESHIP: 'APPRENTICESHIP',
  HIGHER_EDUCATION: 'UNIVERSITY',
  EMPLOYMENT: 'EMPLOYMENT_WITH_TRAINING',
};

/** How many of each school's leavers get activity spells in the demo. */
const LEAVERS_WITH_SPELLS = 6;

/**
 * Seeds the demo pupils' destinations into an empty database; does nothing otherwise: intended and
 * immediate destinations, intentions for Years 11 and 13 (from the same intended destinations), and
 * for a few of last summer's leavers their sixth-form spell and what they did next.
 */
export async function seedDemo(orm: Orm, options: DemoOptions = {}): Promise<void> {
  const em = orm.em.fork();
  if ((await em.count(Destination, {})) > 0) return;
  const data = demoData(new Date(), options);
  for (const destination of data.destinations) {
    em.create(Destination, {
      id: destination.id,
      pupilId: destination.pupilId,
      schoolId: destination.schoolId,
      trustId: destination.trustId,
      stage: destination.stage,
      kind: destination.kind,
      provider: destination.provider,
      recordedOn: destination.recordedOn,
    });
  }
  const pupils = new Map(data.pupils.map((pupil) => [pupil.id, pupil]));
  const leaderOf = (schoolId: string) => data.accounts.find((a) => a.schoolId === schoolId && a.roles.includes('careers_leader'))?.id ?? 'demo';
  for (const destination of data.destinations) {
    const pupil = pupils.get(destination.pupilId);
    const kind = INTENTION_OF[destination.kind];
    if (destination.stage !== 'INTENDED' || !pupil?.yearGroup || !kind) continue;
    em.create(Intention, {
      id: demoId('intention', pupil.id),
      pupilId: pupil.id,
      schoolId: pupil.schoolId,
      trustId: pupil.trustId,
      yearGroup: pupil.yearGroup,
      kind,
      apprenticeshipLevel: null,
      provider: destination.provider,
      course: null,
      enteredById: leaderOf(pupil.schoolId),
      enteredByRole: 'careers_leader',
      enteredAt: new Date(`${destination.recordedOn}T12:00:00Z`),
    });
  }
  for (const school of data.schools) {
    const leavers = data.destinations.filter((d) => d.schoolId === school.id && d.stage === 'IMMEDIATE').slice(0, LEAVERS_WITH_SPELLS);
    for (const [index, destination] of leavers.entries()) {
      const pupil = pupils.get(destination.pupilId)!;
      const leavingYear = year11LeavingYear(pupil.dateOfBirth);
      const base = {
        pupilId: pupil.id,
        schoolId: pupil.schoolId,
        trustId: pupil.trustId,
        leavingYear,
        source: 'STAFF' as const,
        confirmed: true,
        enteredById: leaderOf(pupil.schoolId),
        enteredAt: new Date(`${destination.recordedOn}T12:00:00Z`),
      };
      const sixthFormEnds = pupil.leftOn ?? `${leavingYear + 2}-07-20`;
      em.create(ActivitySpellRow, {
        ...base,
        id: demoId('spell', pupil.id, 'sixth-form'),
        activity: 'EDUCATION',
        providerKind: 'SCHOOL_SIXTH_FORM',
        apprenticeshipLevel: null,
        provider: school.name,
        startsOn: `${leavingYear}-09-0${3 + (index % 4)}`,
        endsOn: sixthFormEnds,
      });
      const next = {
        HIGHER_EDUCATION: { activity: 'EDUCATION', providerKind: 'UNIVERSITY', apprenticeshipLevel: null },
        FE_COLLEGE: { activity: 'EDUCATION', providerKind: 'FE_COLLEGE', apprenticeshipLevel: null },
        APPRENTICESHIP: { activity: 'APPRENTICESHIP', providerKind: null, apprenticeshipLevel: 4 },
        EMPLOYMENT: { activity: 'EMPLOYMENT_WITHOUT_TRAINING', providerKind: null, apprenticeshipLevel: null },
        NEET_AVAILABLE: { activity: 'NEET_AVAILABLE', providerKind: null, apprenticeshipLevel: null },
      }[destination.kind as string] as Pick<ActivitySpellRow, 'activity' | 'providerKind' | 'apprenticeshipLevel'> | undefined;
      if (!next) continue;
      em.create(ActivitySpellRow, {
        ...base,
        ...next,
        id: demoId('spell', pupil.id, 'next'),
        provider: destination.provider,
        startsOn: `${leavingYear + 2}-09-1${index % 10}`,
        endsOn: null,
      });
    }
  }
  await em.flush();
}
