import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@waymark/subgraph-kit';
import { RosterField, RosterImport, RosterImportResult } from './roster-import.entity.js';
import { RosterImportInput } from './roster-import.inputs.js';
import { RosterImportService } from './roster-import.service.js';
import { ROSTER_FIELDS } from './roster-fields.js';

@Resolver(() => RosterImport)
export class RosterImportResolver {
  @Authorized('careers_leader', 'staff', 'trust_analyst')
  @Query(() => RosterImport, {
    nullable: true,
    description: "An import, for the person who started it (or the trust's API credential); poll it while COMMITTING.",
  })
  rosterImport(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<RosterImport | null> {
    return new RosterImportService(ctx.em).find(ctx.principal, id);
  }

  @Authorized()
  @Query(() => [RosterField], { nullable: true, description: 'The fields a column can map to, for the mapping screen.' })
  rosterFields(): RosterField[] {
    return ROSTER_FIELDS.map((field) =>
      Object.assign(new RosterField(), { key: field.key, label: field.label, required: field.required, templateHeader: field.header }),
    );
  }

  @Authorized('careers_leader', 'staff', 'trust_analyst')
  @Mutation(() => RosterImportResult, { description: 'The dry run: checks every row and reports what would change. Nothing changes yet.' })
  previewRosterImport(@Arg('input', () => RosterImportInput) input: RosterImportInput, @Ctx() ctx: RequestContext): Promise<RosterImportResult> {
    return new RosterImportService(ctx.em).preview(ctx.principal, input, new Date(), ctx.requestId);
  }

  @Authorized('careers_leader', 'staff', 'trust_analyst')
  @Mutation(() => RosterImportResult, {
    description:
      'Starts committing a previewed import in one transaction; poll rosterImport(id) for processedRows and status. ' +
      'The valid rows are imported and the rejected rows the preview listed are left out (their pupils are never marked as left). ' +
      'If the roster changed since the preview, nothing is imported and the import fails with a reason.',
  })
  commitRosterImport(
    @Arg('id', () => ID) id: string,
    @Arg('confirmMarkLeft', () => Int, {
      nullable: true,
      description:
        'Needed when markLeftNeedsConfirmation is true (a full roster marking more than a tenth of the pupils on roll as left): the number of pupils to mark as left, toMarkLeft, as the person confirmed it.',
    })
    confirmMarkLeft: number | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<RosterImportResult> {
    return new RosterImportService(ctx.em).commit(ctx.principal, id, { requestId: ctx.requestId, confirmMarkLeft: confirmMarkLeft ?? null });
  }

  @FieldResolver(() => Boolean, {
    description:
      'True when this full roster would mark more than a tenth of the pupils on roll as left: the commit then needs confirmMarkLeft. Always false once committed.',
  })
  markLeftNeedsConfirmation(@Root() rosterImport: RosterImport, @Ctx() ctx: RequestContext): Promise<boolean> {
    return new RosterImportService(ctx.em).needsMarkLeftConfirmation(rosterImport);
  }
}
