import { checkActivitySpell, hasLeftYear11, problemList, year11LeavingYear } from '@waymark/domain';
import { isUuid, type FieldError } from '@waymark/subgraph-kit';
import type { DestinationsContext } from '../../app.js';
import type { EducationProviderKind, SpellActivity } from './spell.entity.js';

/** The details of one spell as staff (or a confirmation file) give them, trimmed. */
export interface SpellValues {
  activity: SpellActivity;
  providerKind: EducationProviderKind | null;
  apprenticeshipLevel: number | null;
  provider: string | null;
  startsOn: string;
  endsOn: string | null;
}

/** Why a spell cannot be recorded for a leaver. */
export type SpellProblemCode = 'PUPIL_NOT_FOUND' | 'NO_DATE_OF_BIRTH' | 'NOT_A_LEAVER' | 'SPELL_INVALID' | 'NO_TRACKING_CONSENT';

export interface SpellProblem {
  code: SpellProblemCode;
  message: string;
  /** The domain rule's problems, by field (SPELL_INVALID only). */
  fields: FieldError[];
}

/** One leaver's spell that passed every check, with the summer they finished Year 11. */
export type CheckedSpell = { ok: true; pupilId: string; leavingYear: number; values: SpellValues } | { ok: false; pupilId: string; problem: SpellProblem };

const problem = (code: SpellProblemCode, message: string, fields: FieldError[] = []): SpellProblem => ({ code, message, fields });

export const SPELL_PROBLEM_MESSAGES = {
  notOurs: 'That young person is not a pupil or leaver of your school, so you cannot record where they went.',
  noDateOfBirth: "Their date of birth is not recorded, so Waymark cannot tell when they finished Year 11. Add it to the pupil's record first.",
  notALeaver: (leavingYear: number) => `They have not finished Year 11 yet: they finish it in the summer of ${leavingYear}.`,
  invalid: 'Some details of the spell need changing.',
  noConsent:
    "They have not agreed to being followed after 16, so only their place in your own sixth form can be recorded. If they agree, record it under 'Consent and sharing' on their record first.",
} as const;

/** What the caller already learnt of a leaver from the pupils subgraph: theirs (their school, or last school, is the caller's), with these facts. */
export interface KnownLeaver {
  /** The summer they finished Year 11, by their date of birth (`Pupil.year11LeavingYear`). */
  leavingYear: number;
  /** Whether they agreed to being followed after 16. */
  tracking: boolean;
}

/**
 * The one check of spells staff record for leavers (docs/domain-rules.md, "Destinations"), used by the
 * single entry, the bulk entry and the confirmation file: each leaver must be a pupil or leaver of the
 * caller's school, have a date of birth and have finished Year 11 by `today`; the spell must pass the
 * domain's `checkActivitySpell`; and without the leaver's agreement to being followed after 16 only a
 * place in the school's own sixth form (on roll there today) may be recorded. Checks are made in that
 * order and the first failing one is the leaver's problem. The pupils subgraph is asked, with the
 * caller's credential, at most three times whatever the number of spells: which pupils are the
 * school's, their dates of birth and agreement, and (only when needed) who is on roll today.
 * `known`: leavers the caller has just read from the pupils subgraph (a confirmation file's, with
 * their leaving years); they are not asked about again, so a file of thousands of lines reads no date
 * of birth. Their checks are the same: the pupils subgraph answers a leaving year only to staff of
 * the school the pupil is at or last left, and works it out from the date of birth as this does.
 */
export async function checkSpells(
  ctx: DestinationsContext,
  schoolId: string,
  spells: readonly { pupilId: string; values: SpellValues }[],
  today: string,
  known: ReadonlyMap<string, KnownLeaver> = new Map(),
): Promise<CheckedSpell[]> {
  const { pupils } = ctx.deps;
  const ids = [...new Set(spells.map((spell) => spell.pupilId).filter((id) => isUuid(id) && !known.has(id)))];
  // A leaver stays with the school they left; staff of another school are refused here.
  // Both at once: the pupils subgraph answers details only for pupils the caller may read, and only those that are ours are used.
  const [ours, details] =
    ids.length > 0
      ? await Promise.all([pupils.currentPupilIds(ctx, ids), pupils.leaverDetails(ctx, ids)])
      : [new Set<string>(), new Map<string, { dateOfBirth: string | null; tracking: boolean }>()];

  const tracking = (pupilId: string) => known.get(pupilId)?.tracking ?? details.get(pupilId)?.tracking;
  const checked: CheckedSpell[] = spells.map(({ pupilId, values }) => {
    const leaver = known.get(pupilId);
    if (!leaver && !ours.has(pupilId)) return { ok: false, pupilId, problem: problem('PUPIL_NOT_FOUND', SPELL_PROBLEM_MESSAGES.notOurs) };
    const dateOfBirth = details.get(pupilId)?.dateOfBirth;
    if (!leaver && !dateOfBirth) return { ok: false, pupilId, problem: problem('NO_DATE_OF_BIRTH', SPELL_PROBLEM_MESSAGES.noDateOfBirth) };
    const leavingYear = leaver ? leaver.leavingYear : year11LeavingYear(dateOfBirth!);
    if (!hasLeftYear11(leavingYear, today)) return { ok: false, pupilId, problem: problem('NOT_A_LEAVER', SPELL_PROBLEM_MESSAGES.notALeaver(leavingYear)) };
    const problems = checkActivitySpell(values);
    if (Object.keys(problems).length > 0)
      return { ok: false, pupilId, problem: problem('SPELL_INVALID', SPELL_PROBLEM_MESSAGES.invalid, problemList(problems)) };
    return { ok: true, pupilId, leavingYear, values };
  });

  // Without their agreement only staying on in this school's own sixth form may be recorded (docs/domain-rules.md, "Destinations").
  const ownSixthForm = (values: SpellValues) => values.activity === 'EDUCATION' && values.providerKind === 'SCHOOL_SIXTH_FORM';
  const unagreed = checked.filter((spell) => spell.ok && tracking(spell.pupilId) !== true);
  const toAsk = [...new Set(unagreed.filter((spell) => spell.ok && ownSixthForm(spell.values)).map((spell) => spell.pupilId))];
  const onRollHere =
    toAsk.length > 0
      ? new Set((await pupils.onRoll(ctx, { pupilIds: toAsk, asOf: today })).filter((p) => p.schoolId === schoolId).map((p) => p.pupilId))
      : new Set<string>();
  return checked.map((spell) =>
    spell.ok && tracking(spell.pupilId) !== true && !(ownSixthForm(spell.values) && onRollHere.has(spell.pupilId))
      ? { ok: false, pupilId: spell.pupilId, problem: problem('NO_TRACKING_CONSENT', SPELL_PROBLEM_MESSAGES.noConsent) }
      : spell,
  );
}

/** A spell's details from what the API was sent: text trimmed, empty text as null. */
export function spellValuesOf(input: {
  activity: SpellActivity;
  providerKind?: EducationProviderKind | null;
  apprenticeshipLevel?: number | null;
  provider?: string | null;
  startsOn: string;
  endsOn?: string | null;
}): SpellValues {
  return {
    activity: input.activity,
    providerKind: input.providerKind ?? null,
    apprenticeshipLevel: input.apprenticeshipLevel ?? null,
    provider: input.provider?.trim() || null,
    startsOn: input.startsOn.trim(),
    endsOn: input.endsOn?.trim() || null,
  };
}
