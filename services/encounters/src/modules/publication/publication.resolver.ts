import { randomUUID } from 'node:crypto';
import { Arg, Authorized, Ctx, Directive, Mutation, Query, Resolver } from 'type-graphql';
import { academicYearOfDay, checkPublication, problemList, publicCareersPath, todayInEngland } from '@waymark/domain';
import { AccessError, mutationError, scopeOf, withRequestBypass } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';
import { CareersPublication } from './careers-publication.entity.js';
import { contentChanged, contentOf, draftStatement, plannedProviderEncounters, programmeSummary, publicPage } from './publication.service.js';
import { CareersPage, CareersPageInput, CareersPageResult, PublicCareersPage } from './publication.types.js';
import { accountIdOf } from './publication.subject-access.js';

/*
 * A school's public careers page (docs/domain-rules.md, "The public careers page"; docs/api-contract.md,
 * "Public careers page"). The school's careers leaders read and change their own school's page; nobody
 * else reads the draft. The published content is read by URN by the gateway alone (its system
 * credential), for the page it serves without sign-in.
 */

const NOT_YOURS = () => mutationError('NOT_YOUR_SCHOOL', "Only a school's own careers leaders can change its public careers page.");

/** The careers leader's own school, or null for anyone else (other roles, API keys, no school). */
function leaderSchool(ctx: EncountersContext): { schoolId: string; trustId: string | null } | null {
  if (ctx.principal.kind !== 'user' || !ctx.principal.roles.includes('careers_leader')) return null;
  const scope = scopeOf(ctx.principal);
  return scope.kind === 'school' ? { schoolId: scope.schoolId, trustId: ctx.principal.trustId ?? null } : null;
}

const orNull = (value: string | null | undefined) => (value ?? '').trim() || null;

async function pageOf(ctx: EncountersContext, row: CareersPublication): Promise<CareersPage> {
  const today = todayInEngland();
  const academicYear = academicYearOfDay(today);
  const [programme, planned] = await Promise.all([
    programmeSummary(ctx.em, row.schoolId, academicYear),
    plannedProviderEncounters(ctx.em, row.schoolId, academicYear),
  ]);
  const draft = draftStatement({ ...row, academicYear, planned });
  const preview = contentOf(row, programme, academicYear, row.statement ?? draft, today);
  return Object.assign(new CareersPage(), {
    schoolName: row.schoolName,
    urn: row.urn,
    publicPath: publicCareersPath(row.urn),
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    evaluation: row.evaluation,
    reviewOn: row.reviewOn,
    premises: row.premises,
    statement: row.statement,
    draftStatement: draft,
    published: row.published !== null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    hasUnpublishedChanges: row.published !== null && contentChanged(row.published, preview),
    preview: publicPage(preview),
  });
}

/** The school's row, or (before anything is saved) an unsaved blank one named from the pupils subgraph. */
async function rowOf(ctx: EncountersContext, own: { schoolId: string; trustId: string | null }): Promise<CareersPublication | null> {
  const saved = await ctx.em.findOne(CareersPublication, { schoolId: own.schoolId });
  if (saved) return saved;
  const school = await ctx.deps.pupils.ownSchool(ctx, own.schoolId);
  if (!school) return null;
  return ctx.em.create(
    CareersPublication,
    {
      id: randomUUID(),
      ...own,
      urn: school.urn,
      schoolName: school.name,
      contactName: null,
      contactEmail: null,
      contactPhone: null,
      evaluation: null,
      reviewOn: null,
      premises: null,
      statement: null,
      published: null,
      publishedAt: null,
      updatedByName: ctx.principal.displayName,
      updatedById: accountIdOf(ctx),
      updatedAt: new Date(),
    },
    { persist: false },
  );
}

@Resolver()
export class PublicationResolver {
  @Authorized('careers_leader')
  @Query(() => CareersPage, {
    nullable: true,
    description: "The caller's own school's public careers page, as its careers leader edits it (careers leaders only).",
  })
  async careersPage(@Ctx() ctx: EncountersContext): Promise<CareersPage> {
    const own = leaderSchool(ctx);
    if (!own) throw AccessError.forbidden("Only a school's careers leaders can edit its public careers page.");
    const row = await rowOf(ctx, own);
    if (!row) throw AccessError.forbidden("Only a school's careers leaders can edit its public careers page.");
    return pageOf(ctx, row);
  }

  @Authorized('careers_leader')
  @Mutation(() => CareersPageResult, {
    description:
      "Saves the caller's own school's public careers page as a whole (careers leaders only). With `publish`, also publishes it, which needs every part; a review date in the past or a malformed email is refused and nothing is saved.",
  })
  async saveCareersPage(
    @Arg('input', () => CareersPageInput) input: CareersPageInput,
    @Arg('publish', () => Boolean, { defaultValue: false }) publish: boolean,
    @Ctx() ctx: EncountersContext,
  ): Promise<CareersPageResult> {
    const own = leaderSchool(ctx);
    if (!own) return { page: null, error: NOT_YOURS() };
    const today = todayInEngland();
    const problems = problemList(checkPublication(input, today, { publishing: publish }));
    if (problems.length > 0) {
      const message = publish ? 'The page cannot be published yet: some parts need changing.' : 'Some details of the page need changing.';
      return { page: null, error: mutationError('CAREERS_PAGE_INVALID', message, problems) };
    }
    // The name and URN are the pupils subgraph's, asked with the leader's credential: it answers with their own school only.
    const school = await ctx.deps.pupils.ownSchool(ctx, own.schoolId);
    if (!school) return { page: null, error: NOT_YOURS() };
    const existing = await ctx.em.findOne(CareersPublication, { schoolId: own.schoolId });
    const academicYear = academicYearOfDay(today);
    const planned = await plannedProviderEncounters(ctx.em, own.schoolId, academicYear);
    // A statement sent back exactly as it was drafted has not been edited: it stays a draft that follows
    // the contact, premises and plan, so what is published names the contact given in the same save.
    const before = existing ?? { schoolName: school.name, contactName: null, contactEmail: null, contactPhone: null, premises: null, statement: null };
    const unedited = !before.statement && orNull(input.statement) === draftStatement({ ...before, academicYear, planned });
    const row =
      existing ??
      ctx.em.create(CareersPublication, {
        id: randomUUID(),
        ...own,
        urn: school.urn,
        schoolName: school.name,
        published: null,
        publishedAt: null,
        updatedByName: ctx.principal.displayName,
        updatedById: accountIdOf(ctx),
        updatedAt: new Date(),
      });
    ctx.em.assign(row, {
      urn: school.urn,
      schoolName: school.name,
      contactName: orNull(input.contactName),
      contactEmail: orNull(input.contactEmail),
      contactPhone: orNull(input.contactPhone),
      evaluation: orNull(input.evaluation),
      reviewOn: orNull(input.reviewOn),
      premises: orNull(input.premises),
      statement: unedited ? null : orNull(input.statement),
      updatedByName: ctx.principal.displayName,
      updatedById: accountIdOf(ctx),
      updatedAt: new Date(),
    });
    if (publish) {
      const programme = await programmeSummary(ctx.em, own.schoolId, academicYear);
      row.published = contentOf(row, programme, academicYear, row.statement ?? draftStatement({ ...row, academicYear, planned }), today);
      row.publishedAt = new Date();
    }
    await ctx.em.flush();
    return { page: await pageOf(ctx, row), error: null };
  }

  @Authorized('careers_leader')
  @Mutation(() => CareersPageResult, { description: "Takes the caller's own school's public careers page down; the draft stays (careers leaders only)." })
  async unpublishCareersPage(@Ctx() ctx: EncountersContext): Promise<CareersPageResult> {
    const own = leaderSchool(ctx);
    if (!own) return { page: null, error: NOT_YOURS() };
    const row = await ctx.em.findOne(CareersPublication, { schoolId: own.schoolId });
    if (!row) return { page: null, error: mutationError('CAREERS_PAGE_NOT_FOUND', 'There is nothing to unpublish: the page has not been saved yet.') };
    row.published = null;
    row.publishedAt = null;
    row.updatedByName = ctx.principal.displayName;
    row.updatedById = accountIdOf(ctx);
    row.updatedAt = new Date();
    await ctx.em.flush();
    return { page: await pageOf(ctx, row), error: null };
  }

  @Directive('@inaccessible')
  @Query(() => PublicCareersPage, {
    nullable: true,
    description:
      "The gateway only (its system credential), for the page it serves without sign-in: a school's published careers page by URN; null when there is no such school or it has not published.",
  })
  async publishedCareersPage(@Arg('urn') urn: string, @Ctx() ctx: EncountersContext): Promise<PublicCareersPage | null> {
    if (ctx.principal.kind !== 'system') throw AccessError.forbidden('Only the Waymark gateway reads published careers pages this way.');
    if (!/^[A-Za-z0-9-]{1,20}$/.test(urn)) return null;
    const row = await withRequestBypass(ctx, "public careers page: one school's published content, found by URN", (em) =>
      em.findOne(CareersPublication, { urn, publishedAt: { $ne: null } }, { fields: ['published'] }),
    );
    return row?.published ? publicPage(row.published) : null;
  }
}
