import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BENCHMARK_MEASURE_KEYS, VULNERABLE_GROUP_CODES, type BenchmarkMeasureKey, type VulnerableGroupCode } from '@waymark/domain';
import { connectionTypes } from '@waymark/subgraph-kit';
import { Pupil, School } from '../external/external.entity.js';
import { STATE_CODES, type StateName } from './benchmarks.sql.js';

export const BenchmarkMeasureEnum = Object.fromEntries(BENCHMARK_MEASURE_KEYS.map((key) => [key, key])) as { [K in BenchmarkMeasureKey]: K };
registerEnumType(BenchmarkMeasureEnum, { name: 'BenchmarkMeasure', description: 'What the engine measures per pupil (docs/benchmarks-contract.md).' });

export const BenchmarkStateEnum = Object.fromEntries(STATE_CODES.map((key) => [key, key])) as { [K in StateName]: K };
registerEnumType(BenchmarkStateEnum, { name: 'BenchmarkState' });

/** The same enum as the pupils subgraph's (same name and values, so it composes). */
export const VulnerableGroupEnum = Object.fromEntries(Object.values(VULNERABLE_GROUP_CODES).map((code) => [code, code])) as {
  [C in VulnerableGroupCode]: C;
};
registerEnumType(VulnerableGroupEnum, { name: 'VulnerableGroup' });

@ObjectType({ description: 'Pupils on one measure, for one year group (null: all) and one vulnerable group (null: all pupils).' })
export class DashboardCell {
  @Field(() => BenchmarkMeasureEnum)
  measure: BenchmarkMeasureKey;

  @Field(() => Int, { nullable: true })
  yearGroup: number | null;

  @Field(() => VulnerableGroupEnum, { nullable: true })
  group: VulnerableGroupCode | null;

  @Field(() => Int, { description: 'Pupils the measure applies to.' })
  eligible: number;

  @Field(() => Int)
  met: number;

  @Field(() => Int)
  inProgress: number;

  @Field(() => Int)
  notMet: number;
}

@ObjectType()
export class WorkExperienceByYear {
  @Field(() => Int)
  yearGroup: number;

  @Field(() => Int)
  pupils: number;

  @Field(() => Float)
  averageHours: number;

  @Field(() => Int, { description: "Pupils whose hours so far reach their stage's target: 25 by the end of Year 9, 50 by the end of Year 11." })
  reachedTarget: number;
}

/** What every engine answer says first: the day it is as of, and that day's academic year. */
@ObjectType()
abstract class AsOfAnswer {
  @Field({ description: 'The day the answer is as of (YYYY-MM-DD, in England).' })
  asOf: string;

  @Field(() => Int, { description: 'The academic year of `asOf`, by the year it starts in.' })
  academicYear: number;
}

/** What a school's and a trust's dashboards both carry besides their cells. */
@ObjectType()
abstract class DashboardAnswer extends AsOfAnswer {
  @Field(() => Int)
  pupilCount: number;

  @Field({
    description:
      "True when figures restricted to a vulnerable group are rounded to the nearest 5, because the caller may not see pupils' flags (a trust analyst without pupil-level access): no pupil's group can be read off a small number or a difference.",
  })
  groupFiguresRounded: boolean;
}

@ObjectType()
export class SchoolDashboard extends DashboardAnswer {
  /** With its name: the cohort call the dashboard makes brings it, so the gateway need not ask the pupils subgraph again. */
  @Field(() => School, { nullable: true })
  @Directive('@provides(fields: "name")')
  school: School;

  @Field(() => [DashboardCell], { description: 'Each measure by year group (and null: all years), for the chosen group (null: all pupils).' })
  cells: DashboardCell[];

  @Field(() => [DashboardCell], { description: 'Each measure for each vulnerable group, over the chosen year group (null: all years).' })
  groupCells: DashboardCell[];

  @Field(() => [WorkExperienceByYear])
  workExperience: WorkExperienceByYear[];

  @Field({
    description:
      "Whether the caller may list this school's pupils (`benchmarkGaps`): staff of the school, and trust analysts with pupil-level access. The portal links figures to the pupils behind them only when true.",
  })
  canListPupils: boolean;
}

@ObjectType()
export class TrustSchoolRow {
  @Field(() => School, { nullable: true })
  school: School;

  @Field(() => Int)
  pupilCount: number;

  @Field(() => [DashboardCell])
  cells: DashboardCell[];
}

@ObjectType()
export class TrustDashboard extends DashboardAnswer {
  @Field(() => [TrustSchoolRow])
  schools: TrustSchoolRow[];

  @Field(() => [DashboardCell])
  totals: DashboardCell[];
}

@ObjectType()
export class GapRow {
  @Field(() => Pupil, { nullable: true })
  pupil: Pupil;

  @Field(() => Int)
  yearGroup: number;

  @Field(() => BenchmarkStateEnum)
  state: StateName;

  @Field()
  detail: string;
}
export const GapConnection = connectionTypes(GapRow, 'Gap');

export enum ReflectionSourceEnum {
  OWN = 'OWN',
  GROUP = 'GROUP',
}
registerEnumType(ReflectionSourceEnum, { name: 'ReflectionSource', description: "How an activity's reflection item was met." });

export enum AttendanceEnum {
  ATTENDED = 'ATTENDED',
  DID_NOT_ATTEND = 'DID_NOT_ATTEND',
  DECLINED = 'DECLINED',
}
registerEnumType(AttendanceEnum, {
  name: 'Attendance',
  description: 'Whether the pupil went: only a measure of what the school offered (provider encounters in Years 12–13) shows anything but ATTENDED.',
  valuesConfig: {
    DID_NOT_ATTEND: { description: 'Offered, and the pupil did not go.' },
    DECLINED: { description: 'Offered, and the pupil chose not to go.' },
  },
});

@ObjectType({ description: 'Something that counted towards a measure, or did not, and why.' })
export class Evidence {
  @Field()
  title: string;

  @Field()
  kindLabel: string;

  @Field({ description: 'YYYY-MM-DD' })
  date: string;

  @Field()
  counts: boolean;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => ID, { nullable: true })
  encounterId: string | null;

  @Field(() => ID, { nullable: true })
  ownActivityId: string | null;

  @Field(() => ReflectionSourceEnum, {
    nullable: true,
    description:
      "For a school activity: how its reflection item was met (the pupil's own words, or reflection time the school gave the group), or null when it was not.",
  })
  reflection: 'OWN' | 'GROUP' | null;

  @Field(() => AttendanceEnum, { description: 'Whether the pupil went, or was offered a place and did not go (or chose not to).' })
  attendance: 'ATTENDED' | 'DID_NOT_ATTEND' | 'DECLINED';
}

@ObjectType()
export class MeasureStatus {
  @Field(() => BenchmarkMeasureEnum)
  measure: BenchmarkMeasureKey;

  @Field(() => Int)
  benchmark: number;

  @Field()
  label: string;

  @Field(() => BenchmarkStateEnum)
  state: StateName;

  @Field(() => Int)
  count: number;

  @Field(() => Int)
  needed: number;

  @Field()
  detail: string;

  @Field(() => [Evidence])
  evidence: Evidence[];
}

@ObjectType()
export class WorkExperienceTally {
  @Field(() => Float)
  hoursYears7to9: number;

  @Field(() => Float)
  hoursYears10to11: number;

  @Field(() => Float)
  hoursTotal: number;

  @Field(() => Float, { description: 'Hours as days of five hours.' })
  days: number;
}

@ObjectType()
export class PupilProgress extends AsOfAnswer {
  @Field(() => Int, { nullable: true })
  yearGroup: number | null;

  @Field(() => [MeasureStatus])
  measures: MeasureStatus[];

  @Field(() => WorkExperienceTally)
  workExperience: WorkExperienceTally;
}
