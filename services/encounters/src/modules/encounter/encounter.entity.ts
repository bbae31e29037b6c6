import { ArrayType, OptionalProps } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ENCOUNTER_KIND_KEYS, type EncounterKind } from '@waymark/domain';
import { MutationError, TENANT_SQL, tenantPolicy, type TenantRule } from '@waymark/subgraph-kit';
import { syncTrigger } from '../sync/encounter-sync-change.entity.js';
import { ENCOUNTER_FACT_VERSION_TRIGGER, PARTICIPATION_FACT_COLUMNS, factVersionTriggers } from '../benchmarks/dashboard-answer.entity.js';

const ENCOUNTER_TENANCY: TenantRule = {
  kind: 'school',
  trust: true,
  extra: [`"volunteer_ids" @> array[${TENANT_SQL.volunteer}]`, 'exists (select 1 from "participation" p where p."encounter_id" = "encounter"."id")'],
};

/** The kinds as a GraphQL enum: names and values are the keys of ENCOUNTER_KINDS. */
export const EncounterKindEnum = Object.fromEntries(ENCOUNTER_KIND_KEYS.map((kind) => [kind, kind])) as { [K in EncounterKind]: K };
registerEnumType(EncounterKindEnum, { name: 'EncounterKind' });

/**
 * A careers activity a school ran (a talk, a fair, a visit, a guidance meeting ...). `schoolId` and
 * `trustId` are on the row so every query can be scoped to the caller's tenant; employers and
 * volunteers live in the employers subgraph and are referenced by id only. Row-level security
 * (ENCOUNTER_TENANCY): the school's staff, its trust's analysts, its own pupils and parents; the
 * volunteers listed on it; and whoever may see one of its participation rows (a pupil's record
 * shows the encounters of a former school too).
 */
@Entity({ tableName: 'encounter', triggers: [syncTrigger('encounter'), ENCOUNTER_FACT_VERSION_TRIGGER], ...tenantPolicy(ENCOUNTER_TENANCY) })
@Index({ properties: ['schoolId', 'date'] })
@Unique({ properties: ['schoolId', 'idempotencyKey'] })
@ObjectType()
@Directive('@key(fields: "id")')
export class Encounter {
  [OptionalProps]?:
    | 'hasTime'
    | 'endsAt'
    | 'subject'
    | 'hashtags'
    | 'checklistTicked'
    | 'checklistMet'
    | 'adviserName'
    | 'adviserLevel'
    | 'staffNotes'
    | 'booked'
    | 'location'
    | 'createdAt'
    | 'updatedAt'
    | 'idempotencyKey';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  @Enum({ items: () => EncounterKindEnum })
  @Field(() => EncounterKindEnum)
  kind: EncounterKind;

  @Property({ type: 'string', length: 200 })
  @Field()
  title: string;

  /** When it starts: the moment when `hasTime`, otherwise the day (carried as noon UTC, the same day in England). */
  @Property({ type: 'datetime' })
  @Field(() => Date, { description: 'When it starts. With `hasTime` false only the day is known: read it as the day of `date` in England.' })
  date: Date;

  /** Whether a start time was given, said outright: no time of day is taken to mean "no time given". */
  @Property({ type: 'boolean', default: true })
  @Field({ description: 'Whether `date` includes the start time (on a clock in England), or only the day is known.' })
  hasTime: boolean = true;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  endsAt: Date | null = null;

  @Property({ type: 'boolean' })
  @Field()
  inSchoolDay: boolean;

  @Property({ type: 'double' })
  @Field(() => Float)
  hours: number;

  @Property({ type: new ArrayType((value) => Number(value)), columnType: 'int[]' })
  @Field(() => [Int])
  benchmarks: number[];

  @Property({ type: new ArrayType((value) => Number(value)), columnType: 'int[]' })
  @Field(() => [Int])
  yearGroups: number[];

  @Property({ type: new ArrayType(), columnType: 'uuid[]' })
  employerIds: string[];

  @Property({ type: new ArrayType(), columnType: 'uuid[]' })
  volunteerIds: string[];

  /** CURRICULUM_LESSON: the subject it is linked to (one of CURRICULUM_SUBJECTS). */
  @Property({ type: 'string', length: 60, nullable: true })
  @Field(() => String, { nullable: true })
  subject: string | null = null;

  /** Lower-case, without '#'. */
  @Property({ type: new ArrayType(), columnType: 'text[]', defaultRaw: `'{}'` })
  @Field(() => [String])
  hashtags: string[] = [];

  /** What the leader ticked of the meaningful checklist (keys of CHECKLIST_ITEMS). */
  @Property({ type: new ArrayType(), columnType: 'text[]', defaultRaw: `'{}'` })
  checklistTicked: string[] = [];

  /** Every checklist item that applies to this kind is ticked; kept on the row for the engine. */
  @Property({ type: 'boolean', default: false })
  @Field({ description: 'Every item of the meaningful checklist that applies to this kind is ticked.' })
  checklistMet: boolean = false;

  /** GUIDANCE_MEETING: the adviser and their qualification level (6 or above counts for Benchmark 8). */
  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true })
  adviserName: string | null = null;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true })
  adviserLevel: number | null = null;

  /** GUIDANCE_MEETING: the adviser's notes; staff only, never pupils, parents, employers or alumni. */
  @Property({ type: 'text', nullable: true })
  staffNotes: string | null = null;

  /**
   * GUIDANCE_MEETING: booked ahead and not yet recorded as held. It counts for nothing (its pupil is
   * on the register as not attended, and it has no adviser level) until the leader records it as held
   * (docs/domain-rules.md, "Booked and held guidance meetings").
   */
  @Property({ type: 'boolean', default: false })
  @Field({ description: 'A guidance meeting booked ahead that has not been recorded as held yet: it counts for no benchmark until it is.' })
  booked: boolean = false;

  /** Where it takes place, when someone said (a booked guidance meeting's room, say). */
  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'Where it takes place, when given.' })
  location: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  updatedAt: Date | null = null;

  /** The key a caller sent with `createEncounter`, so a retry answers the encounter it first made. */
  @Property({ type: 'string', length: 100, nullable: true })
  idempotencyKey: string | null = null;
}

/** One pupil on an encounter's register. A pupil appears at most once per encounter. */
@Entity({
  tableName: 'participation',
  triggers: [syncTrigger('participation'), ...factVersionTriggers('participation', PARTICIPATION_FACT_COLUMNS)],
  ...tenantPolicy({ kind: 'pupil', trust: true }),
})
@Unique({ properties: ['encounter', 'pupilId'] })
@Index({ properties: ['schoolId', 'pupilId'] })
@Index({ properties: ['pupilId', 'encounter'] })
@Check({ name: 'participation_declined_not_attended', expression: 'not (attended and declined)' })
@ObjectType()
export class Participation {
  [OptionalProps]?: 'reflection' | 'reflectedAt' | 'groupReflectionOn' | 'declined';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @ManyToOne(() => Encounter, { deleteRule: 'cascade' })
  encounter: Encounter;

  @Property({ type: 'uuid' })
  pupilId: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  @Property({ type: 'boolean' })
  @Field()
  attended: boolean;

  /**
   * Offered a place and chose not to go: only for the encounters with providers of technical
   * education and apprenticeships that a school must offer pupils in Years 12 and 13, where the record
   * tells a pupil who said no apart from one never asked (docs/domain-rules.md, "Provider access").
   */
  @Property({ type: 'boolean', default: false })
  @Field({ description: 'Offered a place and chose not to go (a Year 12–13 provider encounter); never true when attended.' })
  declined: boolean = false;

  /** The pupil's reflection afterwards (or one staff recorded with them): part of "meaningful". */
  @Property({ type: 'text', nullable: true })
  reflection: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  reflectedAt: Date | null = null;

  /**
   * The day the school gave the group time to reflect on the activity (in tutor time, say), recorded
   * for the whole register in one step. Either this or the pupil's own reflection meets the
   * checklist's reflection item.
   */
  @Property({ type: 'date', nullable: true })
  groupReflectionOn: string | null = null;
}

@ObjectType()
export class CreateEncounterResult {
  @Field(() => Encounter, { nullable: true })
  encounter: Encounter | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
