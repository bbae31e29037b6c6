import type { EntityManager } from '@mikro-orm/sql';
import { academicYearLabel, benchmarkName, HALF_TERM_KEYS, HALF_TERMS, PROVIDER_ACCESS_KINDS, type HalfTerm } from '@waymark/domain';
import { Encounter } from '../encounter/encounter.entity.js';
import { ProgrammePlanItem } from '../programme/plan-item.entity.js';
import type { CareersPublication, PublishedContent, PublishedProgrammeItem } from './careers-publication.entity.js';
import { PublicCareersPage, PublicProgrammeItem } from './publication.types.js';

/*
 * A school's public careers page (docs/domain-rules.md, "The public careers page"): the programme
 * summary taken from the plan, the provider access policy statement drafted from the school's settings
 * and its planned provider encounters, and the content published.
 */

/** "Year 8", "Years 8 and 9", "Years 10, 11 and 12". */
export function yearGroupsText(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  if (sorted.length === 1) return `Year ${sorted[0]}`;
  return `Years ${sorted.slice(0, -1).join(', ')} and ${sorted[sorted.length - 1]}`;
}

const halfTermOrder = (halfTerm: string) => HALF_TERM_KEYS.indexOf(halfTerm as HalfTerm);

/**
 * The school's plan for `academicYear` as the public page shows it: when, for which years, what and why.
 * Who delivers it, which vulnerable groups it is for and its SEND adaptations stay off the page: they
 * can point to particular pupils or name volunteers.
 */
export async function programmeSummary(em: EntityManager, schoolId: string, academicYear: number): Promise<PublishedProgrammeItem[]> {
  const rows = await em.find(ProgrammePlanItem, { schoolId, academicYear });
  return rows
    .map((row) => ({
      halfTerm: row.halfTerm,
      yearGroups: [...row.yearGroups].sort((a, b) => a - b),
      title: row.title,
      purpose: row.purpose,
      benchmarks: [...row.benchmarks].sort((a, b) => a - b),
    }))
    .sort((a, b) => halfTermOrder(a.halfTerm) - halfTermOrder(b.halfTerm) || a.title.localeCompare(b.title, 'en-GB'));
}

/** The three windows of the provider access duty (docs/domain-rules.md, "Provider access"). */
export const PROVIDER_WINDOWS = [
  { years: [8, 9], words: 'Year 8 to February of Year 9', duty: 'two encounters for every pupil' },
  { years: [10, 11], words: 'Year 10 to February of Year 11', duty: 'two encounters for every pupil' },
  { years: [12, 13], words: 'Year 12 to February of Year 13', duty: 'two encounters offered to every pupil, who may choose not to go' },
] as const;

export interface PlannedProviderEncounter {
  title: string;
  halfTerm: HalfTerm;
  yearGroups: number[];
}

const PROVIDER_KINDS = new Set<string>(PROVIDER_ACCESS_KINDS);

/**
 * This year's planned provider encounters: activities that work towards Benchmark 7 for a year group of
 * the duty (8 to 13). One already linked to encounters counts only when one of them is with a college,
 * training provider or apprenticeship provider (a university or sixth-form visit does not count).
 */
export async function plannedProviderEncounters(em: EntityManager, schoolId: string, academicYear: number): Promise<PlannedProviderEncounter[]> {
  const rows = (await em.find(ProgrammePlanItem, { schoolId, academicYear })).filter(
    (row) => row.benchmarks.includes(7) && row.yearGroups.some((year) => year >= 8 && year <= 13),
  );
  const linked = [...new Set(rows.flatMap((row) => row.encounterIds))];
  const kinds = new Map(
    linked.length === 0 ? [] : (await em.find(Encounter, { id: { $in: linked }, schoolId }, { fields: ['id', 'kind'] })).map((e) => [e.id, e.kind as string]),
  );
  return rows
    .filter((row) => row.encounterIds.length === 0 || row.encounterIds.some((id) => PROVIDER_KINDS.has(kinds.get(id) ?? '')))
    .map((row) => ({ title: row.title, halfTerm: row.halfTerm, yearGroups: [...row.yearGroups].sort((a, b) => a - b) }))
    .sort((a, b) => halfTermOrder(a.halfTerm) - halfTermOrder(b.halfTerm) || a.title.localeCompare(b.title, 'en-GB'));
}

export interface StatementFacts {
  schoolName: string;
  academicYear: number;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  premises: string | null;
  planned: readonly PlannedProviderEncounter[];
}

const filled = (value: string | null | undefined) => (value ?? '').trim() || null;

/** A provider access policy statement to start from, in plain words; the careers leader edits it before publishing. */
export function draftStatement(facts: StatementFacts): string {
  const name = facts.schoolName;
  const contact = filled(facts.contactName) ?? 'our careers leader';
  const ways = [
    filled(facts.contactEmail) && `by email to ${filled(facts.contactEmail)}`,
    filled(facts.contactPhone) && `by phone on ${filled(facts.contactPhone)}`,
  ]
    .filter(Boolean)
    .join(' or ');
  const windows = PROVIDER_WINDOWS.map((window) => {
    const planned = facts.planned.filter((item) => item.yearGroups.some((year) => (window.years as readonly number[]).includes(year)));
    const list = planned.length
      ? planned.map((item) => `  - ${item.title} (${HALF_TERMS[item.halfTerm]}, ${yearGroupsText(item.yearGroups)})`).join('\n')
      : '  - Nothing is planned for these years yet.';
    return `- ${window.words}: ${window.duty}. Planned for ${academicYearLabel(facts.academicYear)}:\n${list}`;
  }).join('\n');
  const premises =
    filled(facts.premises) ??
    'We will agree with each provider what they need, such as a classroom or the hall, a screen and a projector, and have it ready on the day.';
  return [
    `This statement explains how colleges, training providers and apprenticeship providers can come into ${name} to tell our pupils about technical education and apprenticeships, as the law asks every school in England to allow.`,
    '',
    'What every pupil gets',
    'Every pupil meets providers of technical education or apprenticeships at least six times during their time with us, in the school day:',
    windows,
    '',
    'How a provider can ask to visit',
    `Contact ${contact}${ways ? `, ${ways}` : ''}. Tell us who you are, what you would like to offer and which year groups it is for.`,
    '',
    'How we deal with a request',
    'We look at every request and reply to say whether we can take it up. Where we can, we agree a date and time in the school day that fits our careers programme. Where we cannot, we explain why and suggest another time if there is one. Visitors sign in at reception and follow our safeguarding arrangements.',
    '',
    'Premises and facilities',
    premises,
  ].join('\n');
}

/** The page as it would be published now: the saved draft, the plan of `academicYear`, today. */
export function contentOf(
  row: CareersPublication,
  programme: PublishedProgrammeItem[],
  academicYear: number,
  statement: string,
  today: string,
): PublishedContent {
  return {
    schoolName: row.schoolName,
    urn: row.urn,
    academicYear,
    programme,
    contactName: row.contactName ?? '',
    contactEmail: row.contactEmail ?? '',
    contactPhone: row.contactPhone,
    evaluation: row.evaluation ?? '',
    reviewOn: row.reviewOn ?? '',
    statement,
    publishedOn: today,
  };
}

/** Whether two contents differ in anything but the day they were (or would be) published. */
export function contentChanged(a: PublishedContent, b: PublishedContent): boolean {
  const strip = ({ publishedOn: _publishedOn, ...rest }: PublishedContent) => JSON.stringify(rest);
  return strip(a) !== strip(b);
}

export function publicPage(content: PublishedContent): PublicCareersPage {
  return Object.assign(new PublicCareersPage(), {
    schoolName: content.schoolName,
    urn: content.urn,
    academicYear: academicYearLabel(content.academicYear),
    programme: content.programme.map((item) =>
      Object.assign(new PublicProgrammeItem(), {
        halfTerm: HALF_TERMS[item.halfTerm as HalfTerm] ?? item.halfTerm,
        yearGroups: item.yearGroups,
        yearGroupsText: yearGroupsText(item.yearGroups),
        title: item.title,
        purpose: item.purpose,
        benchmarks: item.benchmarks.map((number) => `Benchmark ${number}: ${benchmarkName(number)}`),
      }),
    ),
    contactName: content.contactName,
    contactEmail: content.contactEmail,
    contactPhone: content.contactPhone,
    evaluation: content.evaluation,
    reviewOn: content.reviewOn,
    statement: content.statement,
    publishedOn: content.publishedOn,
  });
}
