import type { Orm } from '@waymark/subgraph-kit';
import { demoData, type DemoOptions } from '@waymark/demo-data';
import { checklistMet } from '@waymark/domain';
import { Encounter, Participation } from './modules/encounter/encounter.entity.js';
import { AgreedAction } from './modules/guidance/agreed-action.entity.js';
import { OwnActivity, type OwnActivityStatus } from './modules/activity/own-activity.entity.js';
import { PupilOutlook } from './modules/outlook/pupil-outlook.entity.js';

/**
 * Seeds the demo encounters and registers into an empty database; does nothing otherwise. Written
 * as two multi-row inserts in one transaction rather than through the unit of work: it is ~2k rows.
 */
export async function seedDemo(orm: Orm, options: DemoOptions = {}): Promise<void> {
  const em = orm.em.fork();
  if ((await em.count(Encounter, {})) > 0) return;
  const data = demoData(new Date(), options);
  const createdAt = new Date();
  const dateOf = new Map(data.encounters.map((encounter) => [encounter.id, encounter.date]));
  await em.transactional(async (tx) => {
    await tx.insertMany(
      Encounter,
      data.encounters.map((encounter) => ({
        id: encounter.id,
        schoolId: encounter.schoolId,
        trustId: encounter.trustId,
        kind: encounter.kind,
        title: encounter.title,
        date: new Date(encounter.date),
        // The demo programme's activities all have start times.
        hasTime: true,
        inSchoolDay: encounter.inSchoolDay,
        hours: encounter.hours,
        benchmarks: encounter.benchmarks,
        yearGroups: encounter.yearGroups,
        employerIds: encounter.employerIds,
        volunteerIds: encounter.volunteerIds,
        checklistTicked: encounter.checklistTicked,
        checklistMet: checklistMet(encounter.kind, encounter.checklistTicked),
        subject: encounter.subject,
        hashtags: encounter.hashtags,
        adviserName: encounter.adviserName,
        adviserLevel: encounter.adviserLevel,
        staffNotes: encounter.staffNotes,
        createdAt,
      })),
    );
    await tx.insertMany(
      Participation,
      data.participations.map((participation) => ({
        id: participation.id,
        encounter: participation.encounterId,
        pupilId: participation.pupilId,
        schoolId: participation.schoolId,
        trustId: participation.trustId,
        attended: participation.attended,
        reflection: participation.reflection,
        reflectedAt: participation.reflection ? new Date(Date.parse(dateOf.get(participation.encounterId)!) + 86_400_000) : null,
      })),
    );
    if (data.agreedActions.length > 0) {
      await tx.insertMany(
        AgreedAction,
        data.agreedActions.map((action) => ({
          id: action.id,
          meeting: action.meetingId,
          pupilId: action.pupilId,
          text: action.text,
          dueOn: action.dueOn,
          position: action.position,
        })),
      );
    }
    if (data.ownActivities.length > 0) {
      await tx.insertMany(
        OwnActivity,
        data.ownActivities.map((activity) => ({
          ...activity,
          status: activity.status as OwnActivityStatus,
          submittedAt: createdAt,
          decidedAt: activity.status === 'VERIFIED' ? createdAt : null,
          decidedBy: activity.status === 'VERIFIED' ? 'Priya Shah' : null,
        })),
      );
    }
    if (data.outlooks.length > 0) {
      await tx.insertMany(
        PupilOutlook,
        data.outlooks.map((outlook) => ({ ...outlook, updatedAt: createdAt })),
      );
    }
  });
}
