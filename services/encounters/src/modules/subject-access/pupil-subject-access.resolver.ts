import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { AccessError, readSubjectAccess, type SubjectAccessPart } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';
import { pupilsAuditSink } from '../audit/audit.client.js';
import { Pupil } from '../external/external.entity.js';

// Everything this subgraph holds about one pupil, as stored: the encounters they were registered for
// (with the school's notes of any guidance meeting), their own activities, their aspirations and
// interests, and the actions agreed with them.
const SECTIONS: { title: string; sql: string }[] = [
  {
    title: 'Encounters and registers',
    sql: `select e.date, e.kind, e.title, e.hours, e.in_school_day, e.benchmarks, p.attended, p.reflection, p.reflected_at, p.school_id
      from participation p join encounter e on e.id = p.encounter_id where p.pupil_id = $1 order by e.date`,
  },
  {
    title: 'Personal guidance meetings',
    sql: `select e.date, e.adviser_name, e.adviser_level, e.staff_notes as notes, e.school_id
      from participation p join encounter e on e.id = p.encounter_id where p.pupil_id = $1 and e.kind = 'GUIDANCE_MEETING' order by e.date`,
  },
  { title: 'Agreed actions', sql: 'select text, due_on, done_at from agreed_action where pupil_id = $1 order by due_on nulls last, position' },
  {
    title: 'Activities the pupil added',
    sql: `select kind, title, description, started_on, ended_on, hours, status, decline_reason, submitted_at, decided_at, decided_by, school_id
      from own_activity where pupil_id = $1 order by started_on`,
  },
  { title: 'Aspirations and interests', sql: 'select interests, considering_higher_education, updated_at from pupil_outlook where pupil_id = $1' },
];

/** `Pupil.encountersSubjectAccess`: this subgraph's part of a subject-access export. */
@Resolver(() => Pupil)
export class PupilSubjectAccessResolver {
  @FieldResolver(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'Subject access: everything the encounters subgraph holds about this pupil, as { source, sections: [{ title, rows }] }. Staff of the pupil\'s current school only; recorded in the data access log.',
  })
  async encountersSubjectAccess(@Root() pupil: Pupil, @Ctx() ctx: EncountersContext): Promise<SubjectAccessPart> {
    if (!(await ctx.deps.pupils.isCurrentSchoolStaff(ctx, pupil.id))) throw AccessError.forbidden('Only staff of the pupil\'s school can export their record.');
    const part = await readSubjectAccess(ctx.em, 'encounters', SECTIONS, pupil.id);
    ctx.audit.note(pupilsAuditSink, pupil.id, 'EXPORT', 'subjectAccess');
    return part;
  }
}

