import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { checkAspiration, checkIntention, localAuthorityOfCode, problemList, todayInEngland } from '@waymark/domain';
import { hasRole } from '@waymark/auth';
import {
  AccessError,
  decodeCursor,
  encodeCursor,
  InputError,
  isUuid,
  mutationError,
  PageInfo,
  pageSize,
  scopeOf,
  type Connection,
} from '@waymark/subgraph-kit';
import type { DestinationsContext } from '../../app.js';
import type { ReturnCohortPupil, SchoolReturnDetails } from '../external/pupils.client.js';
import {
  IntentionGaps,
  IntentionReturn,
  LocalAuthorityReturnConnection,
  RecordAspirationInput,
  RecordAspirationResult,
  RecordIntentionInput,
  RecordIntentionResult,
  ReturnAuthorities,
  ReturnAuthority,
  type LocalAuthorityReturnRow,
} from './intention.types.js';
import { IntentionService } from './intention.service.js';
import { intentionReturnRows, returnAuthorityName, returnAuthorityOf, returnCsv, returnFileName, returnRowOf, type RowAuthority } from './intention-return.js';
import { DestinationError } from '../destination/destination.errors.js';
import { SeptemberOfferService } from '../september-offer/september-offer.service.js';

const STAFF = ['careers_leader', 'staff', 'careers_adviser'] as const;

/** The API's order of the return: by school, then year group, then pupil id (a key without pupil-level access has no names to sort by). */
type ReturnKey = { schoolId: string; yearGroup: number; pupilId: string };
const compareReturnKeys = (a: ReturnKey, b: ReturnKey): number =>
  a.schoolId < b.schoolId ? -1 : a.schoolId > b.schoolId ? 1 : a.yearGroup - b.yearGroup || (a.pupilId < b.pupilId ? -1 : a.pupilId > b.pupilId ? 1 : 0);
const returnCursor = (key: ReturnKey) => encodeCursor([key.schoolId, key.yearGroup, key.pupilId]);

const trimmed = (value: string | null | undefined): string | null => value?.trim() || null;

/** The local authority code a caller asked for (null when none), or BAD_USER_INPUT when it names no authority in England. */
function askedAuthority(code: string | null | undefined): string | null {
  const asked = trimmed(code);
  if (asked !== null && !localAuthorityOfCode(asked))
    throw InputError.invalid('That is not the code of a local authority in England: use its three-digit DfE code, such as 330 for Birmingham.');
  return asked;
}

/** The school, and its pupils on roll today in Year 11 or Year 12, whom its returns are about (one request each, side by side). */
async function returnPupils(
  ctx: DestinationsContext,
  schoolId: string,
  today: string,
): Promise<{ school: SchoolReturnDetails; pupils: { pupilId: string; yearGroup: number }[] }> {
  const [school, onRoll] = await Promise.all([ctx.deps.pupils.school(ctx, schoolId), ctx.deps.pupils.onRoll(ctx, { schoolIds: [schoolId], asOf: today })]);
  if (!school) throw InputError.invalid('Your school could not be found.');
  const pupils = onRoll.flatMap((pupil) =>
    pupil.schoolId === schoolId && (pupil.yearGroup === 11 || pupil.yearGroup === 12) ? [{ pupilId: pupil.pupilId, yearGroup: pupil.yearGroup }] : [],
  );
  return { school, pupils };
}

/** Recording intended destinations and aspirations, and the leader's list of who has none yet. */
@Resolver()
export class IntentionResolver {
  @Authorized('pupil', ...STAFF)
  @Mutation(() => RecordIntentionResult, {
    description:
      "Records an intended destination for a pupil in Year 11 or Year 13: a pupil their own, staff of the pupil's school for the pupil. Earlier ones are kept; the newest is the current one.",
  })
  async recordIntention(
    @Arg('input', () => RecordIntentionInput) input: RecordIntentionInput,
    @Ctx() ctx: DestinationsContext,
  ): Promise<RecordIntentionResult> {
    const principal = ctx.principal;
    const scope = scopeOf(principal);
    const self = scope.kind === 'pupil';
    const pupilId = self ? scope.pupilId : input.pupilId;
    if (self && input.pupilId && input.pupilId !== scope.pupilId)
      return { intention: null, error: mutationError('NOT_YOUR_RECORD', 'You can only record your own plans. Nothing was saved.') };
    const notFound = {
      intention: null,
      error: mutationError('PUPIL_NOT_FOUND', 'That pupil is not on roll at your school, so you cannot record their plans. Nothing was saved.'),
    };
    if (!pupilId || !isUuid(pupilId) || (scope.kind !== 'school' && !self)) return notFound;
    // The pupils subgraph answers with the caller's credential: staff see only their school's pupils, a pupil only themself.
    const [pupil] = await ctx.deps.pupils.onRoll(ctx, { pupilIds: [pupilId], asOf: todayInEngland() });
    if (!pupil) return notFound;
    if (pupil.yearGroup !== 11 && pupil.yearGroup !== 13) {
      const who = self ? 'You are' : 'This pupil is';
      return {
        intention: null,
        error: mutationError(
          'NOT_YEAR_11_OR_13',
          `Plans for after school are recorded in Year 11 and Year 13. ${who} in Year ${pupil.yearGroup}. Nothing was saved.`,
        ),
      };
    }
    const values = {
      kind: input.kind,
      apprenticeshipLevel: input.apprenticeshipLevel ?? null,
      provider: trimmed(input.provider),
      course: trimmed(input.course),
    };
    const problems = checkIntention(values);
    if (Object.keys(problems).length > 0)
      return {
        intention: null,
        error: mutationError('INTENTION_INVALID', 'Some details of the plan need changing. Nothing was saved.', problemList(problems)),
      };
    const intention = await new IntentionService(ctx.em).recordIntention(
      {
        pupilId,
        schoolId: pupil.schoolId,
        trustId: principal.trustId,
        enteredById: principal.accountId,
        enteredByRole: self ? 'pupil' : (STAFF.find((role) => hasRole(principal, role)) ?? 'staff'),
      },
      { yearGroup: pupil.yearGroup, ...values },
    );
    return { intention, error: null };
  }

  @Authorized('pupil')
  @Mutation(() => RecordAspirationResult, { description: 'A pupil records what they hope to do, in their own words, with hashtags.' })
  async recordAspiration(
    @Arg('input', () => RecordAspirationInput) input: RecordAspirationInput,
    @Ctx() ctx: DestinationsContext,
  ): Promise<RecordAspirationResult> {
    const scope = scopeOf(ctx.principal);
    if (scope.kind !== 'pupil' || !scope.schoolId)
      return { aspiration: null, error: mutationError('NOT_YOUR_RECORD', 'Only a pupil can record their own hopes. Nothing was saved.') };
    const { hashtags, problems } = checkAspiration({ text: input.text, hashtags: input.hashtags ?? [] });
    if (Object.keys(problems).length > 0)
      return { aspiration: null, error: mutationError('ASPIRATION_INVALID', 'Some details need changing. Nothing was saved.', problemList(problems)) };
    const aspiration = await new IntentionService(ctx.em).recordAspiration(
      { pupilId: scope.pupilId, schoolId: scope.schoolId, trustId: ctx.principal.trustId },
      input.text.trim(),
      hashtags,
    );
    return { aspiration, error: null };
  }

  @Authorized(...STAFF)
  @Query(() => IntentionGaps, {
    nullable: true,
    description: "The pupils of the caller's school in Year 11 or Year 13 with no intended destination recorded in that year group yet.",
  })
  async intentionGaps(@Arg('yearGroup', () => Int) yearGroup: number, @Ctx() ctx: DestinationsContext): Promise<IntentionGaps> {
    if (yearGroup !== 11 && yearGroup !== 13) throw InputError.invalid('Intended destinations are recorded in Year 11 and Year 13: ask for 11 or 13.');
    const scope = scopeOf(ctx.principal);
    if (scope.kind !== 'school') throw InputError.invalid('Only staff of a school have a list of pupils without plans.');
    const onRoll = (await ctx.deps.pupils.onRoll(ctx, { schoolIds: [scope.schoolId], asOf: todayInEngland() })).filter(
      (pupil) => pupil.yearGroup === yearGroup && pupil.schoolId === scope.schoolId,
    );
    const recorded = await new IntentionService(ctx.em).withIntention(
      onRoll.map((pupil) => pupil.pupilId),
      yearGroup,
    );
    return Object.assign(new IntentionGaps(), {
      yearGroup,
      onRoll: onRoll.length,
      missing: onRoll.filter((pupil) => !recorded.has(pupil.pupilId)).map((pupil) => ({ id: pupil.pupilId })),
    });
  }

  @Authorized(...STAFF)
  @Query(() => IntentionReturn, {
    nullable: true,
    description:
      "The return for one local authority (CSV; localAuthorityCode, the three-digit DfE code, or the school's own when left out): every pupil of the caller's school in Year 11 and Year 12 who lives there, with their Year 11 plan and their September offer; a pupil with no home local authority recorded is in the school's own authority's return. Pupils who, or whose parent, opted out of sharing with the authority are left out.",
  })
  async intentionReturn(
    @Arg('localAuthorityCode', () => String, { nullable: true }) localAuthorityCode: string | null | undefined,
    @Ctx() ctx: DestinationsContext,
  ): Promise<IntentionReturn> {
    const scope = scopeOf(ctx.principal);
    if (scope.kind !== 'school') throw InputError.invalid('Only staff of a school send its return.');
    const asked = askedAuthority(localAuthorityCode);
    const today = todayInEngland();
    const { school, pupils } = await returnPupils(ctx, scope.schoolId, today);
    const schoolCode = school.localAuthorityCode ?? null;
    const code = asked ?? schoolCode;
    // First only where each pupil lives and whether they opted out (no names), so that names, UPNs and
    // dates of birth are read for this authority's file alone, never for every Year 11 and 12 pupil.
    const homes = await ctx.deps.pupils.returnAuthorities(
      ctx,
      pupils.map((pupil) => pupil.pupilId),
    );
    const living = pupils.filter((pupil) => {
      const home = homes.get(pupil.pupilId);
      return home !== undefined && returnAuthorityOf(home.homeCode, schoolCode) === code;
    });
    const sharing = living.filter((pupil) => !homes.get(pupil.pupilId)!.optedOut);
    const offers = new SeptemberOfferService(ctx.em);
    const byYear = (yearGroup: number) => sharing.filter((pupil) => pupil.yearGroup === yearGroup).map((pupil) => pupil.pupilId);
    const [details, plans, offers11, offers12] = await Promise.all([
      ctx.deps.pupils.returnDetails(
        ctx,
        sharing.map((pupil) => pupil.pupilId),
      ),
      new IntentionService(ctx.em).currentIntentions(byYear(11), 11),
      offers.current(byYear(11), 11),
      offers.current(byYear(12), 12),
    ]);
    // The details carry the opt-out again: one made between the two requests still leaves the pupil out.
    const file = intentionReturnRows(sharing, details, plans, new Map([...offers11, ...offers12]));
    const { rows, included, homeNotRecorded } = file;
    const optedOut = living.length - sharing.length + file.optedOut;
    return Object.assign(new IntentionReturn(), {
      localAuthority: returnAuthorityName(code, school),
      localAuthorityCode: code,
      fileName: returnFileName(school, code, today),
      csv: returnCsv(rows),
      included,
      optedOut,
      homeNotRecorded,
    });
  }

  @Authorized(...STAFF)
  @Query(() => ReturnAuthorities, {
    nullable: true,
    description:
      "The local authorities the caller's school's pupils in Year 11 and Year 12 live in, each with how many pupils its return holds and how many opted out; and how many have no home local authority recorded (they are in the school's own authority's return).",
  })
  async intentionReturnAuthorities(@Ctx() ctx: DestinationsContext): Promise<ReturnAuthorities> {
    const scope = scopeOf(ctx.principal);
    if (scope.kind !== 'school') throw InputError.invalid('Only staff of a school send its return.');
    const { school, pupils } = await returnPupils(ctx, scope.schoolId, todayInEngland());
    const schoolCode = school.localAuthorityCode ?? null;
    const homes = await ctx.deps.pupils.returnAuthorities(
      ctx,
      pupils.map((pupil) => pupil.pupilId),
    );
    const byCode = new Map<string | null, ReturnAuthority>();
    const authorityOf = (code: string | null) => {
      let authority = byCode.get(code);
      if (!authority) {
        authority = Object.assign(new ReturnAuthority(), {
          code,
          name: returnAuthorityName(code, school),
          schoolsOwn: code === schoolCode,
          included: 0,
          optedOut: 0,
          homeNotRecorded: 0,
        });
        byCode.set(code, authority);
      }
      return authority;
    };
    for (const { pupilId } of pupils) {
      const home = homes.get(pupilId);
      if (!home) continue;
      const authority = authorityOf(returnAuthorityOf(home.homeCode, schoolCode));
      if (home.optedOut) authority.optedOut += 1;
      else {
        authority.included += 1;
        if (home.homeCode === null) authority.homeNotRecorded += 1;
      }
    }
    const authorities = [...byCode.values()].sort((a, b) => Number(b.schoolsOwn) - Number(a.schoolsOwn) || a.name.localeCompare(b.name));
    return Object.assign(new ReturnAuthorities(), {
      authorities,
      homeNotRecorded: authorities.reduce((sum, authority) => sum + authority.homeNotRecorded, 0),
    });
  }

  @Authorized('trust_analyst')
  @Query(() => LocalAuthorityReturnConnection, {
    nullable: true,
    description:
      "The local authority return of the trust's schools (or of one school, with schoolId): one row per pupil on roll today in Year 11 or Year 12, with their Year 11 plan and September offer, as in each school's CSV file, and the local authority whose return the row belongs to (where the pupil lives, or the school's own when that is not recorded). With localAuthorityCode (the three-digit DfE code), only that authority's rows: the same pupils as the school's file for it. Pupils who, or whose parent, opted out of sharing with the local authority are never in it. By school, then year group, then pupil id; first is 1 to 200 (50 when not given). UPN, names, date of birth and the offer's note only for analysts with pupil-level access; an API key gets the pupil's id instead.",
  })
  async localAuthorityReturn(
    @Arg('schoolId', () => ID, { nullable: true }) schoolId: string | null | undefined,
    @Arg('first', () => Int, { nullable: true }) first: number | null | undefined,
    @Arg('after', () => String, { nullable: true }) after: string | null | undefined,
    @Arg('localAuthorityCode', () => String, {
      nullable: true,
      description: "Only the rows of this local authority's return (its three-digit DfE code); every authority's when left out.",
    })
    localAuthorityCode: string | null | undefined,
    @Ctx() ctx: DestinationsContext,
  ): Promise<Connection<LocalAuthorityReturnRow>> {
    const scope = scopeOf(ctx.principal);
    if (scope.kind !== 'trust') throw AccessError.forbidden();
    if (schoolId && !isUuid(schoolId)) throw InputError.invalid('schoolId is not a school id.');
    const asked = askedAuthority(localAuthorityCode);
    const limit = pageSize(first);
    const cursor = decodeCursor(after, ['uuid', 'position', 'uuid'] as const);
    // The caller's own credential: the pupils subgraph answers only about the caller's trust, and
    // gives each pupil's home authority only to a caller who may read the return. One school's
    // public facts are asked beside it; a whole trust's once its schools are known.
    const today = todayInEngland();
    const [cohort, named] = await Promise.all([
      ctx.deps.pupils.returnCohort(ctx, { schoolIds: schoolId ? [schoolId] : null, asOf: today }),
      schoolId ? ctx.deps.pupils.schools(ctx, [schoolId]) : Promise.resolve(null),
    ]);
    if (schoolId && !cohort.schoolsAllowed.includes(schoolId)) throw DestinationError.otherTrust();
    const allowed = new Set(cohort.schoolsAllowed);
    const schools = named ?? (await ctx.deps.pupils.schools(ctx, cohort.schoolsAllowed));
    // Each row's authority: where the pupil lives, or their school's own (returnAuthorityOf, as the files).
    const authorityOf = (pupil: ReturnCohortPupil): RowAuthority => {
      const school = schools.get(pupil.schoolId);
      if (!school) throw new Error('The pupils subgraph did not answer for a school of the return.');
      const code = returnAuthorityOf(pupil.homeCode, school.localAuthorityCode ?? null);
      return { code, name: returnAuthorityName(code, school), homeRecorded: pupil.homeCode !== null };
    };
    // The same pupils as each school's file: on roll in Year 11 or 12, never one who opted out (or
    // whose answer is in doubt), and with a code, only those in that authority's file.
    const included = cohort.pupils
      .flatMap((pupil) => {
        if (!allowed.has(pupil.schoolId) || (pupil.yearGroup !== 11 && pupil.yearGroup !== 12) || pupil.optedOut) return [];
        const authority = authorityOf(pupil);
        return asked === null || authority.code === asked ? [{ ...pupil, authority }] : [];
      })
      .sort(compareReturnKeys);
    const from = cursor ? included.findIndex((pupil) => compareReturnKeys(pupil, { schoolId: cursor[0], yearGroup: cursor[1], pupilId: cursor[2] }) > 0) : 0;
    const page = from < 0 ? [] : included.slice(from, from + limit);
    const hasNextPage = from >= 0 && included.length > from + limit;
    const [facts, details] = await Promise.all([
      new IntentionService(ctx.em).returnFacts(page),
      // Names and dates of birth only for an analyst who may see pupils one by one; an API key never may.
      scope.pupilLevel
        ? ctx.deps.pupils.returnDetails(
            ctx,
            page.map((pupil) => pupil.pupilId),
          )
        : Promise.resolve(null),
    ]);
    const nodes = page.flatMap((pupil) => {
      if (!details) return [returnRowOf(pupil, pupil.authority, facts.get(pupil.pupilId), null)];
      // As the school's file, a pupil the pupils subgraph did not answer for is left out. (It shows an
      // analyst no consent: the opt-out was read with the cohort, from the same column.)
      const detail = details.get(pupil.pupilId);
      return detail && detail.consent?.localAuthoritySharingOptOut !== true ? [returnRowOf(pupil, pupil.authority, facts.get(pupil.pupilId), detail)] : [];
    });
    const last = page.at(-1);
    return {
      edges: nodes.map((node) => ({ cursor: returnCursor(node), node })),
      pageInfo: Object.assign(new PageInfo(), { hasNextPage, endCursor: last ? returnCursor(last) : null }),
      totalCount: included.length,
    };
  }
}
