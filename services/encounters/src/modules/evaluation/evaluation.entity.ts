import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TENANT_SQL, tenantPolicy } from '@waymark/subgraph-kit';
import { Encounter } from '../encounter/encounter.entity.js';

/*
 * Feedback on the careers programme (docs/domain-rules.md, "Evaluating the programme"): pupils rate the
 * encounters they attended, and the school's parents, staff and employers answer termly surveys.
 */

/**
 * One pupil's rating of one encounter they attended, with what they learned. One row per pupil and
 * encounter (a second rating changes it while the encounter is under 30 days old). Row-level security:
 * the school's staff, its trust's analysts and callers permitted that pupil; the resolvers show the
 * words to the school's staff and the pupil only.
 */
@Entity({ tableName: 'encounter_rating', ...tenantPolicy({ kind: 'pupil', trust: true }) })
@Unique({ properties: ['encounter', 'pupilId'] })
@Index({ properties: ['schoolId'] })
@Index({ properties: ['pupilId'] })
@Check({ name: 'encounter_rating_rating_range', expression: 'rating >= 1 and rating <= 4' })
export class EncounterRating {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @ManyToOne(() => Encounter, { deleteRule: 'cascade' })
  encounter: Encounter;

  @Property({ type: 'uuid' })
  pupilId: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  /** 1 (not useful) to 4 (really useful). */
  @Property({ type: 'smallint' })
  rating: number;

  /** "What did you learn?", optional. */
  @Property({ type: 'text', nullable: true })
  learned: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date;

  @Property({ type: 'datetime' })
  updatedAt: Date;
}

/**
 * A termly survey a careers leader opened for one audience of their school. Row-level security: the
 * school's staff, its trust's analysts, its own pupils and parents (the `school` rule), and volunteers
 * listed on one of its encounters (who answer the employers' survey).
 */
@Entity({
  tableName: 'programme_survey',
  ...tenantPolicy({
    kind: 'school',
    trust: true,
    extra: [
      `exists (select 1 from "encounter" e where e."school_id" = "programme_survey"."school_id" and e."volunteer_ids" @> array[${TENANT_SQL.volunteer}])`,
    ],
  }),
})
// One survey per school, audience and term: opening it twice is refused.
@Unique({ properties: ['schoolId', 'audience', 'academicYear', 'term'] })
@Check({ name: 'programme_survey_audience', expression: `audience in ('PARENTS', 'STAFF', 'EMPLOYERS')` })
@Check({ name: 'programme_survey_term', expression: `term in ('AUTUMN', 'SPRING', 'SUMMER')` })
export class ProgrammeSurvey {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  @Property({ type: 'text' })
  audience: 'PARENTS' | 'STAFF' | 'EMPLOYERS';

  /** Named by the calendar year it starts in (2026 is 2026/27). */
  @Property({ type: 'integer' })
  academicYear: number;

  @Property({ type: 'text' })
  term: 'AUTUMN' | 'SPRING' | 'SUMMER';

  /** Answers keep no account id (docs/security.md, "Feedback surveys"). Fixed when opened. */
  @Property({ type: 'boolean' })
  anonymous: boolean;

  @Property({ type: 'datetime' })
  openedAt: Date;

  @Property({ type: 'text' })
  openedByName: string;

  /** Null while it is open. */
  @Property({ type: 'datetime', nullable: true })
  closedAt: Date | null;
}

/**
 * Who has answered a survey: one row per survey and account, so one answer each, also when two arrive
 * at once (the primary key). It says nothing about what they answered: the answer is a separate row
 * with no account id when the survey is anonymous, and neither row has a time to match them by. Keyed
 * by survey and account with no school column, like the other account-keyed tables it stays open;
 * every statement on it names the caller's own account.
 */
@Entity({ tableName: 'programme_survey_respondent' })
export class ProgrammeSurveyRespondent {
  @ManyToOne(() => ProgrammeSurvey, { primary: true, deleteRule: 'cascade' })
  survey: ProgrammeSurvey;

  @PrimaryKey({ type: 'text' })
  accountId: string;
}

/**
 * One answer to a survey. The school's staff and its trust's analysts read them; anyone may add one (the
 * resolver has checked the survey is theirs to answer and open). `accountId` only when the survey is
 * not anonymous.
 */
@Entity({ tableName: 'programme_survey_answer', ...tenantPolicy({ kind: 'staff', trust: true }, { appendableByAll: true }) })
@Index({ properties: ['survey'] })
@Check({ name: 'programme_survey_answer_ratings', expression: 'helps >= 1 and helps <= 4 and informed >= 1 and informed <= 4' })
export class ProgrammeSurveyAnswer {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @ManyToOne(() => ProgrammeSurvey, { deleteRule: 'cascade' })
  survey: ProgrammeSurvey;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  /** Null when the survey is anonymous. */
  @Property({ type: 'text', nullable: true })
  accountId: string | null;

  /** The first question: how well the programme helps (1 to 4). */
  @Property({ type: 'smallint' })
  helps: number;

  /** The second question: how well they are kept informed or supported (1 to 4). */
  @Property({ type: 'smallint' })
  informed: number;

  @Property({ type: 'text', nullable: true })
  comment: string | null;
}
