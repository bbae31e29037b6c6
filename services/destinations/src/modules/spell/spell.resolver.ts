import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { todayInEngland } from '@waymark/domain';
import { InputError, isUuid, mutationError, scopeOf } from '@waymark/subgraph-kit';
import type { DestinationsContext } from '../../app.js';
import {
  LeaverFollowUp,
  LeaverSpellProblem,
  RecordActivitySpellInput,
  RecordActivitySpellResult,
  RecordActivitySpellsInput,
  RecordActivitySpellsResult,
  SpellImportInput,
  SpellImportProblem,
  SpellImportResult,
  SustainedCount,
} from './spell.types.js';
import { checkSpells, SPELL_PROBLEM_MESSAGES, spellValuesOf, type KnownLeaver, type SpellValues } from './spell.checks.js';
import { columnOfField, readConfirmationFile } from './spell-import.js';
import { summaryFilter } from '../destination/destination.access.js';
import { SpellService, type NewSpell } from './spell.service.js';
import { sharedOf, sharedWithTrust } from './spell.webhook.js';

const STAFF = ['careers_leader', 'staff', 'careers_adviser'] as const;
/** At most this many leavers in one bulk entry. */
export const BULK_LIMIT = 500;

/** The row to save for a leaver whose spell passed the checks. */
const spellRow = (
  ctx: DestinationsContext,
  schoolId: string,
  spell: { pupilId: string; leavingYear: number; values: SpellValues },
  source: NewSpell['source'],
  confirmed: boolean,
): NewSpell => ({
  pupilId: spell.pupilId,
  schoolId,
  trustId: ctx.principal.trustId,
  leavingYear: spell.leavingYear,
  ...spell.values,
  source,
  confirmed,
  enteredById: ctx.principal.accountId,
});

const refused = (code: string, message: string, fields: { field: string; message: string }[] = []): RecordActivitySpellResult => ({
  spell: null,
  destinationYears: null,
  error: mutationError(code, `${message} Nothing was saved.`, fields),
});

/** Staff record what their school's Year 11 leavers went on to do. */
@Resolver()
export class SpellResolver {
  @Authorized(...STAFF)
  @Mutation(() => RecordActivitySpellResult, {
    description:
      "Records an activity spell (education, an apprenticeship, employment, NEET or not known, from a day to a day) for a Year 11 leaver of the caller's school, and answers the leaver's destinations computed with it.",
  })
  async recordActivitySpell(
    @Arg('input', () => RecordActivitySpellInput) input: RecordActivitySpellInput,
    @Ctx() ctx: DestinationsContext,
  ): Promise<RecordActivitySpellResult> {
    const scope = scopeOf(ctx.principal);
    if (scope.kind !== 'school' || !isUuid(input.pupilId)) return refused('PUPIL_NOT_FOUND', SPELL_PROBLEM_MESSAGES.notOurs);
    const source = input.source ?? 'STAFF';
    if (source === 'SELF_REPORTED')
      return refused('SPELL_INVALID', 'Staff record a spell as STAFF or LA_CONFIRMATION; SELF_REPORTED is for the young person themself.');
    const today = todayInEngland();
    const [checked] = await checkSpells(ctx, scope.schoolId, [{ pupilId: input.pupilId, values: spellValuesOf(input) }], today);
    if (!checked.ok) return refused(checked.problem.code, checked.problem.message, checked.problem.fields);
    const shared = await sharedWithTrust(ctx, [input.pupilId]);
    const { row, years } = await new SpellService(ctx.em).record(
      {
        pupilId: input.pupilId,
        schoolId: scope.schoolId,
        trustId: ctx.principal.trustId,
        leavingYear: checked.leavingYear,
        ...checked.values,
        source,
        confirmed: input.confirmed ?? false,
        enteredById: ctx.principal.accountId,
      },
      today,
      shared,
    );
    return { spell: row, destinationYears: years, error: null };
  }

  @Authorized(...STAFF)
  @Mutation(() => RecordActivitySpellsResult, {
    description: `Records one activity spell for many Year 11 leavers of the caller's school at once (at most ${BULK_LIMIT}), with the same checks as recordActivitySpell for each: all are saved, or none, and every leaver the spell cannot be recorded for is named in problems.`,
  })
  async recordActivitySpells(
    @Arg('input', () => RecordActivitySpellsInput) input: RecordActivitySpellsInput,
    @Ctx() ctx: DestinationsContext,
  ): Promise<RecordActivitySpellsResult> {
    const scope = scopeOf(ctx.principal);
    const fail = (code: string, message: string, fields: { field: string; message: string }[] = [], problems: LeaverSpellProblem[] = []) => ({
      recorded: 0,
      problems,
      error: mutationError(code, `${message} Nothing was saved.`, fields),
    });
    const ids = [...new Set(input.pupilIds)];
    if (ids.length === 0) return fail('NO_PUPILS', 'Choose at least one leaver.');
    if (ids.length > BULK_LIMIT) return fail('TOO_MANY_PUPILS', `Record at most ${BULK_LIMIT} leavers at once.`);
    const source = input.source ?? 'STAFF';
    if (source === 'SELF_REPORTED')
      return fail('SPELL_INVALID', 'Staff record a spell as STAFF or LA_CONFIRMATION; SELF_REPORTED is for the young person themself.');
    const values = spellValuesOf(input);
    if (scope.kind !== 'school') return fail('PUPIL_NOT_FOUND', SPELL_PROBLEM_MESSAGES.notOurs);
    const today = todayInEngland();
    const checked = await checkSpells(
      ctx,
      scope.schoolId,
      ids.map((pupilId) => ({ pupilId, values })),
      today,
    );
    const refusedOnes = checked.flatMap((spell) => (spell.ok ? [] : [spell]));
    // The spell's own details are the same for everyone: one answer, by field, rather than one per leaver.
    const invalid = refusedOnes.find((spell) => spell.problem.code === 'SPELL_INVALID');
    if (invalid) return fail('SPELL_INVALID', invalid.problem.message, invalid.problem.fields);
    if (refusedOnes.length > 0)
      return fail(
        'LEAVERS_REFUSED',
        refusedOnes.length === 1
          ? 'The spell cannot be recorded for one of the leavers.'
          : `The spell cannot be recorded for ${refusedOnes.length} of the leavers.`,
        [],
        refusedOnes.map((spell) =>
          Object.assign(new LeaverSpellProblem(), { pupilId: spell.pupilId, code: spell.problem.code, message: spell.problem.message }),
        ),
      );
    const recorded = await new SpellService(ctx.em).recordMany(
      checked.map((spell) => spellRow(ctx, scope.schoolId, spell as Extract<typeof spell, { ok: true }>, source, input.confirmed ?? false)),
      today,
      await sharedWithTrust(ctx, ids),
    );
    return { recorded, problems: [], error: null };
  }

  @Authorized(...STAFF)
  @Mutation(() => SpellImportResult, {
    description: `Checks a confirmation file from a local authority or college (CSV; columns and limits in docs/domain-rules.md, "Destinations") against the caller's school's followed leavers, matched by UPN, without saving anything: every problem by line.`,
  })
  previewActivitySpellImport(@Arg('input', () => SpellImportInput) input: SpellImportInput, @Ctx() ctx: DestinationsContext): Promise<SpellImportResult> {
    return this.importFile(input.csv, ctx, false);
  }

  @Authorized(...STAFF)
  @Mutation(() => SpellImportResult, {
    description:
      'Records every line of a confirmation file as a spell (source LA_CONFIRMATION, confirmed), after the same checks as the preview: all lines, or none when any line has a problem.',
  })
  importActivitySpells(@Arg('input', () => SpellImportInput) input: SpellImportInput, @Ctx() ctx: DestinationsContext): Promise<SpellImportResult> {
    return this.importFile(input.csv, ctx, true);
  }

  private async importFile(csv: string, ctx: DestinationsContext, save: boolean): Promise<SpellImportResult> {
    const answer = (lines: number, spells: number, leavers: number, problems: SpellImportProblem[], error: SpellImportResult['error']) =>
      Object.assign(new SpellImportResult(), { lines, spells, leavers, problems, error });
    const scope = scopeOf(ctx.principal);
    if (scope.kind !== 'school')
      return answer(0, 0, 0, [], mutationError('PUPIL_NOT_FOUND', 'Only staff of a school import confirmations of its leavers. Nothing was saved.'));
    const today = todayInEngland();
    const { pupils } = ctx.deps;
    // The worklist's leavers (followed today), with the caller's own credential, in one packed call:
    // their UPNs, leaving years, agreement and sharing opt-outs come with them, so neither the checks
    // below nor the webhook events need ask again. Asked before the file is read, so that the pupils
    // subgraph answers while this one reads it.
    const asked = new SpellService(ctx.em).followedLeavers(scope.schoolId, today, (leavingYears, pupilIds) =>
      pupils.followedLeaverDetails(ctx, { asOf: today, leavingYears, pupilIds }),
    );
    const file = readConfirmationFile(csv);
    if (!file.ok) {
      // Nothing of the request may still be running when it ends.
      await asked.catch(() => undefined);
      return answer(0, 0, 0, [], mutationError(file.code, `${file.message} Nothing was saved.`));
    }
    const followed = await asked;
    const byUpn = new Map<string, string>();
    const known = new Map<string, KnownLeaver>();
    for (const [pupilId, leaver] of followed) {
      if (leaver.upn) byUpn.set(leaver.upn.toUpperCase(), pupilId);
      if (typeof leaver.leavingYear === 'number') known.set(pupilId, { leavingYear: leaver.leavingYear, tracking: leaver.tracking === true });
    }
    const problems: SpellImportProblem[] = file.problems.map((p) => Object.assign(new SpellImportProblem(), p));
    const matched = file.rows.flatMap((row) => {
      const pupilId = byUpn.get(row.upn);
      if (pupilId) return [{ ...row, pupilId }];
      problems.push(
        Object.assign(new SpellImportProblem(), {
          line: row.line,
          column: 'UPN',
          message: `${row.upn} is not one of your school's leavers followed today (those on the worklist, with or without something recorded).`,
        }),
      );
      return [];
    });
    const checked = await checkSpells(ctx, scope.schoolId, matched, today, known);
    const passed: { line: number; spell: Extract<(typeof checked)[number], { ok: true }> }[] = [];
    checked.forEach((spell, i) => {
      const { line } = matched[i];
      if (spell.ok) passed.push({ line, spell });
      else if (spell.problem.fields.length > 0)
        for (const field of spell.problem.fields)
          problems.push(Object.assign(new SpellImportProblem(), { line, column: columnOfField(field.field), message: field.message }));
      else problems.push(Object.assign(new SpellImportProblem(), { line, column: null, message: spell.problem.message }));
    });
    problems.sort((a, b) => a.line - b.line);
    const leavers = new Set(passed.map((p) => p.spell.pupilId)).size;
    if (!save) return answer(file.lines, passed.length, leavers, problems, null);
    if (problems.length > 0) {
      const lines = new Set(problems.map((p) => p.line)).size;
      return answer(
        file.lines,
        0,
        0,
        problems,
        mutationError(
          'IMPORT_HAS_PROBLEMS',
          `${lines === 1 ? 'One line has' : `${lines} lines have`} problems. Nothing was saved: fix the file and import it again.`,
        ),
      );
    }
    const saved = await new SpellService(ctx.em).recordMany(
      passed.map(({ spell }) => spellRow(ctx, scope.schoolId, spell, 'LA_CONFIRMATION', true)),
      today,
      sharedOf(ctx, followed),
    );
    return answer(file.lines, saved, leavers, [], null);
  }

  @Authorized(...STAFF)
  @Query(() => [LeaverFollowUp], {
    nullable: true,
    description:
      "The caller's school's Year 11 leavers to follow up today, within their three destination years: those it has recorded spells for who are NEET or not known now, or have nothing recorded for today, and those it has recorded nothing for yet (on roll at the school the summer they finished Year 11, no longer on roll there). A leaver who has not agreed to being followed after 16 is marked needsConsent. NEET first, then the newest leavers, then those who can be chased before those whose agreement is needed.",
  })
  destinationsWorklist(@Ctx() ctx: DestinationsContext): Promise<LeaverFollowUp[]> {
    const scope = scopeOf(ctx.principal);
    if (scope.kind !== 'school') throw InputError.invalid('Only staff of a school have a list of leavers to follow up.');
    const { pupils } = ctx.deps;
    return new SpellService(ctx.em).worklist(scope.schoolId, todayInEngland(), {
      // The caller's own credential: the pupils subgraph answers only about their school's pupils.
      onRoll: async (day) =>
        (await pupils.onRoll(ctx, { schoolIds: [scope.schoolId], asOf: day })).filter((p) => p.schoolId === scope.schoolId).map((p) => p.pupilId),
      details: (ids) => pupils.worklistDetails(ctx, ids),
    });
  }

  @Authorized(...STAFF, 'trust_analyst')
  @Query(() => [SustainedCount], {
    nullable: true,
    description:
      'Sustained destinations of Year 11 leavers by leaving year and destination year, from their activity spells (figures only). Staff: their own school. Trust analysts: one school of the trust, or the whole trust.',
  })
  async sustainedSummary(
    @Arg('schoolId', () => ID, { nullable: true }) schoolId: string | null | undefined,
    @Ctx() ctx: DestinationsContext,
  ): Promise<SustainedCount[]> {
    const filter = await summaryFilter(ctx.principal, schoolId, (id, trustId) => ctx.deps.pupils.schoolIsInTrust(ctx, id, trustId));
    return new SpellService(ctx.em).sustainedSummary(filter, todayInEngland());
  }
}
