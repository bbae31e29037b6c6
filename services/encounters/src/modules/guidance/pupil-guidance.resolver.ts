import { Ctx, FieldResolver, Resolver, Root, UseMiddleware } from 'type-graphql';
import { groupBy, loaderFor, scopeOf } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';
import { auditGuidanceNotes, pupilsAuditSink } from '../audit/audit.client.js';
import { Participation } from '../encounter/encounter.entity.js';
import { Pupil } from '../external/external.entity.js';
import { AgreedAction } from './agreed-action.entity.js';
import { bookedMeetingOf, meetingOf, readableRows } from './guidance.service.js';
import { BookedGuidanceMeeting, GuidanceMeeting } from './guidance.types.js';

/** Personal guidance meetings, their staff-only notes and the actions agreed. */
@Resolver(() => Pupil)
export class PupilGuidanceResolver {
  @FieldResolver(() => [GuidanceMeeting], {
    nullable: true,
    description: 'Newest first; readable as Pupil.participations. Notes are for staff only.',
  })
  @UseMiddleware(auditGuidanceNotes(pupilsAuditSink))
  async guidanceMeetings(@Root() pupil: Pupil, @Ctx() ctx: EncountersContext): Promise<GuidanceMeeting[]> {
    const staff = scopeOf(ctx.principal).kind === 'school';
    const rows = await loaderFor<GuidanceMeeting[]>(ctx, 'guidanceOfPupil', async (ids) => {
      const branches = await readableRows(ctx, ids);
      if (branches.length === 0) return ids.map(() => []);
      const registered = await ctx.em.find(
        Participation,
        { $and: [{ $or: branches }, { encounter: { kind: 'GUIDANCE_MEETING', booked: false } }, { attended: true }] },
        { populate: ['encounter'], orderBy: { encounter: { date: 'desc' } } },
      );
      const actions =
        registered.length > 0
          ? await ctx.em.find(AgreedAction, { meeting: { $in: registered.map((r) => r.encounter.id) } }, { orderBy: { position: 'asc' } })
          : [];
      const actionsOf = groupBy(actions, (a) => `${a.meeting.id}/${a.pupilId}`);
      const meetings = registered.map((row) => meetingOf(row.encounter, row.pupilId, actionsOf.get(`${row.encounter.id}/${row.pupilId}`) ?? [], staff));
      const byPupil = groupBy(meetings, (meeting) => meeting.pupil.id);
      return ids.map((id) => byPupil.get(id) ?? []);
    }).load(pupil.id);
    return rows ?? [];
  }

  @FieldResolver(() => [BookedGuidanceMeeting], {
    nullable: true,
    description:
      'Guidance meetings booked for the pupil and not yet recorded as held, soonest first; readable as Pupil.participations. Notes are for staff only.',
  })
  @UseMiddleware(auditGuidanceNotes(pupilsAuditSink))
  async bookedGuidanceMeetings(@Root() pupil: Pupil, @Ctx() ctx: EncountersContext): Promise<BookedGuidanceMeeting[]> {
    const staff = scopeOf(ctx.principal).kind === 'school';
    const rows = await loaderFor<BookedGuidanceMeeting[]>(ctx, 'bookedGuidanceOfPupil', async (ids) => {
      const branches = await readableRows(ctx, ids);
      if (branches.length === 0) return ids.map(() => []);
      const registered = await ctx.em.find(
        Participation,
        { $and: [{ $or: branches }, { encounter: { kind: 'GUIDANCE_MEETING', booked: true } }] },
        { populate: ['encounter'], orderBy: { encounter: { date: 'asc', id: 'asc' } } },
      );
      const byPupil = groupBy(
        registered.map((row) => bookedMeetingOf(row.encounter, row.pupilId, staff)),
        (meeting) => meeting.pupil.id,
      );
      return ids.map((id) => byPupil.get(id) ?? []);
    }).load(pupil.id);
    return rows ?? [];
  }
}
