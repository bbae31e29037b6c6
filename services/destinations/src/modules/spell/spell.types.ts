import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  ACTIVITIES,
  activityLabel,
  type DestinationYear as DomainYear,
  type DestinationYears as DomainYears,
  type SustainedStatus as DomainStatus,
} from '@waymark/domain';
import { MutationError } from '@waymark/subgraph-kit';
import { PupilStub } from '../external/pupil.stub.js';
import { ActivitySpellRow, EducationProviderKind, SpellActivity, SpellSource } from './spell.entity.js';

export const SustainedStatus: { [K in DomainStatus]: K } = {
  SUSTAINED: 'SUSTAINED',
  NOT_SUSTAINED: 'NOT_SUSTAINED',
  TOO_EARLY: 'TOO_EARLY',
  NOT_KNOWN: 'NOT_KNOWN',
};
export type SustainedStatus = DomainStatus;
registerEnumType(SustainedStatus, {
  name: 'SustainedStatus',
  description:
    'SUSTAINED and NOT_SUSTAINED are settled; TOO_EARLY: the months the rule needs have not all happened; NOT_KNOWN: nothing is recorded for the year.',
});

@ObjectType({ description: 'What a leaver was doing in September of the year they finished Year 11.' })
export class SeptemberDestination {
  @Field(() => SpellActivity, { nullable: true })
  activity: SpellActivity | null;

  @Field(() => String, { nullable: true, description: 'For people, e.g. "Education (further education college)".' })
  activityLabel: string | null;

  @Field({ description: 'True while September has not begun.' })
  tooEarly: boolean;

  @Field({ description: 'Plain English.' })
  reason: string;
}

@ObjectType({ description: 'One destination year (1 August to 31 July) after Year 11: the main activity, and whether it was sustained.' })
export class DestinationYear {
  @Field(() => Int, { description: '1, 2 or 3.' })
  year: number;

  @Field({ description: 'YYYY-MM-DD' })
  from: string;

  @Field({ description: 'YYYY-MM-DD' })
  to: string;

  @Field(() => SpellActivity, { nullable: true })
  mainActivity: SpellActivity | null;

  @Field(() => String, { nullable: true })
  mainActivityLabel: string | null;

  @Field(() => SustainedStatus)
  status: SustainedStatus;

  @Field()
  sustained: boolean;

  @Field({ description: 'Plain English, e.g. "Sustained: in education every month from October 2024 to March 2025".' })
  reason: string;
}

@ObjectType({ description: 'A leaver\'s destinations computed from their activity spells (docs/domain-rules.md, "Destinations").' })
export class DestinationYears {
  @Field(() => Int, { description: 'The calendar year of the summer they finished Year 11.' })
  leavingYear: number;

  @Field(() => SeptemberDestination)
  september: SeptemberDestination;

  @Field(() => [DestinationYear], { description: 'Years 1, 2 and 3.' })
  years: DestinationYear[];
}

const label = (year: DomainYear): string | null => (year.mainSpell ? activityLabel(year.mainSpell) : year.mainActivity ? ACTIVITIES[year.mainActivity] : null);

export function destinationYearsOf(computed: DomainYears): DestinationYears {
  return Object.assign(new DestinationYears(), {
    leavingYear: computed.leavingYear,
    september: Object.assign(new SeptemberDestination(), {
      activity: computed.september.activity,
      activityLabel: computed.september.spell ? activityLabel(computed.september.spell) : null,
      tooEarly: computed.september.tooEarly,
      reason: computed.september.reason,
    }),
    years: computed.years.map((year) =>
      Object.assign(new DestinationYear(), {
        year: year.year,
        from: year.from,
        to: year.to,
        mainActivity: year.mainActivity,
        mainActivityLabel: label(year),
        status: year.status,
        sustained: year.sustained,
        reason: year.reason,
      }),
    ),
  });
}

@InputType()
export class RecordActivitySpellInput {
  @Field(() => ID)
  pupilId: string;

  @Field(() => SpellActivity)
  activity: SpellActivity;

  @Field(() => EducationProviderKind, { nullable: true, description: 'Education only (and then required).' })
  providerKind?: EducationProviderKind | null;

  @Field(() => Int, { nullable: true, description: 'Apprenticeships only (and then required): 2 to 7.' })
  apprenticeshipLevel?: number | null;

  @Field(() => String, { nullable: true })
  provider?: string | null;

  @Field({ description: 'YYYY-MM-DD' })
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; leave out while it is still going on.' })
  endsOn?: string | null;

  @Field(() => SpellSource, { nullable: true, description: 'STAFF (the default) or LA_CONFIRMATION; SELF_REPORTED is for the young person themself.' })
  source?: SpellSource | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the school has confirmed it; false when left out.' })
  confirmed?: boolean | null;
}

@ObjectType()
export class RecordActivitySpellResult {
  @Field(() => ActivitySpellRow, { nullable: true })
  spell: ActivitySpellRow | null;

  @Field(() => DestinationYears, { nullable: true, description: "The leaver's destinations with the new spell counted." })
  destinationYears: DestinationYears | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

/** Why a leaver is on the worklist: what is known of them today. */
export const FollowUpStatus = {
  NEET: 'NEET',
  NOT_KNOWN: 'NOT_KNOWN',
  NOTHING_FOR_TODAY: 'NOTHING_FOR_TODAY',
  NOTHING_RECORDED: 'NOTHING_RECORDED',
} as const;
export type FollowUpStatus = (typeof FollowUpStatus)[keyof typeof FollowUpStatus];
registerEnumType(FollowUpStatus, {
  name: 'FollowUpStatus',
  description:
    'NEET: a NEET spell covers today; NOT_KNOWN: a "not known" spell covers today; NOTHING_FOR_TODAY: spells are recorded, but none covers today; NOTHING_RECORDED: the school has recorded no spell for them yet.',
});

@ObjectType({
  description: 'A leaver to follow up within their three destination years: NEET or not known now, nothing recorded for today, or nothing recorded at all yet.',
})
export class LeaverFollowUp {
  @Field(() => PupilStub)
  pupil: PupilStub;

  @Field(() => Int, { description: 'The calendar year of the summer they finished Year 11.' })
  leavingYear: number;

  @Field(() => FollowUpStatus)
  status: FollowUpStatus;

  @Field({
    description:
      "True when they have not agreed to being followed after 16 and are no longer on roll at the school: no spell can be recorded for them until their agreement is recorded on their record (under 'Consent and sharing'), so ask for it first.",
  })
  needsConsent: boolean;

  @Field(() => SpellActivity, { nullable: true, description: 'What the spell covering today says; null when none does.' })
  activity: SpellActivity | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: when the last thing known about them ended, if nothing covers today.' })
  lastKnownOn: string | null;

  @Field({ description: 'Plain English, e.g. "Nothing recorded since 2025-07-18" or "Nothing recorded yet".' })
  reason: string;
}

@ObjectType({ description: "How many of a year's Year 11 leavers were sustained in one destination year, counted from their activity spells." })
export class SustainedCount {
  @Field(() => Int, { description: 'The summer they finished Year 11.' })
  leavingYear: number;

  @Field(() => Int, { description: '1, 2 or 3.' })
  year: number;

  @Field(() => Int)
  sustained: number;

  @Field(() => Int)
  notSustained: number;

  @Field(() => Int)
  tooEarly: number;

  @Field(() => Int)
  notKnown: number;
}

@InputType({ description: 'One spell recorded for every leaver listed (at most 500 at once): all are saved, or none.' })
export class RecordActivitySpellsInput {
  @Field(() => [ID])
  pupilIds: string[];

  @Field(() => SpellActivity)
  activity: SpellActivity;

  @Field(() => EducationProviderKind, { nullable: true, description: 'Education only (and then required).' })
  providerKind?: EducationProviderKind | null;

  @Field(() => Int, { nullable: true, description: 'Apprenticeships only (and then required): 2 to 7.' })
  apprenticeshipLevel?: number | null;

  @Field(() => String, { nullable: true })
  provider?: string | null;

  @Field({ description: 'YYYY-MM-DD' })
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; leave out while it is still going on.' })
  endsOn?: string | null;

  @Field(() => SpellSource, { nullable: true, description: 'STAFF (the default) or LA_CONFIRMATION.' })
  source?: SpellSource | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the school has confirmed it; false when left out.' })
  confirmed?: boolean | null;
}

@ObjectType({ description: 'Why a spell cannot be recorded for one leaver.' })
export class LeaverSpellProblem {
  @Field(() => ID, { description: 'The id as it was sent.' })
  pupilId: string;

  @Field({ description: 'PUPIL_NOT_FOUND, NO_DATE_OF_BIRTH, NOT_A_LEAVER or NO_TRACKING_CONSENT.' })
  code: string;

  @Field({ description: 'Plain English.' })
  message: string;
}

@ObjectType()
export class RecordActivitySpellsResult {
  @Field(() => Int, { description: 'How many leavers the spell was recorded for (0 when there is an error).' })
  recorded: number;

  @Field(() => [LeaverSpellProblem], { description: 'Each leaver the spell cannot be recorded for; any at all means nothing was saved.' })
  problems: LeaverSpellProblem[];

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@InputType({ description: 'A confirmation file from a local authority or college (docs/domain-rules.md, "Destinations").' })
export class SpellImportInput {
  @Field({ description: 'The CSV text: at most 2,000,000 characters and 10,000 lines.' })
  csv: string;
}

@ObjectType({ description: 'A problem with one line of a confirmation file.' })
export class SpellImportProblem {
  @Field(() => Int, { description: 'The line of the file, counting the header as line 1, as a spreadsheet numbers its rows.' })
  line: number;

  @Field(() => String, { nullable: true, description: 'The column at fault, as the file names it, when one is.' })
  column: string | null;

  @Field({ description: 'Plain English.' })
  message: string;
}

@ObjectType({ description: 'What importing a confirmation file would record, or why it cannot.' })
export class SpellImportResult {
  @Field(() => Int, { description: 'Lines read, not counting the header or blank lines.' })
  lines: number;

  @Field(() => Int, { description: 'Spells that would be (preview) or were (import) recorded; 0 on import when anything is wrong.' })
  spells: number;

  @Field(() => Int, { description: 'Different leavers among the lines that passed.' })
  leavers: number;

  @Field(() => [SpellImportProblem], { description: 'Every problem, by line; any at all means an import saves nothing.' })
  problems: SpellImportProblem[];

  @Field(() => MutationError, {
    nullable: true,
    description: 'The file as a whole cannot be read (too big, missing columns, an unclosed quote) or, on import, has problems.',
  })
  error: MutationError | null;
}
