import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root, UseMiddleware } from 'type-graphql';
import { loaderFor, type RequestContext } from '@waymark/subgraph-kit';
import { auditChange, auditPupilRead } from '../audit/audit.hooks.js';
import { Pupil } from '../pupil/pupil.entity.js';
import { relationTo } from '../pupil/pupil.access.js';
import { PupilError } from '../pupil/pupil.errors.js';
import { FlagChange } from './flag-change.entity.js';
import { SetPupilFlagsInput, SetPupilFlagsResult } from './flags.inputs.js';
import { FlagService } from './flags.service.js';

@Resolver(() => Pupil)
export class PupilFlagsResolver {
  @FieldResolver(() => [FlagChange], { nullable: true, description: "Newest first. Forbidden unless the caller is staff of the pupil's current school." })
  @UseMiddleware(auditPupilRead('flagHistory'))
  async flagHistory(@Root() pupil: Pupil, @Ctx() ctx: RequestContext): Promise<FlagChange[]> {
    if (relationTo(ctx.principal, pupil) !== 'staff') throw PupilError.flagHistoryForbidden();
    const rows = await loaderFor<FlagChange[]>(ctx, 'flagHistory', async (ids) => {
      const history = await new FlagService(ctx.em).historyOf(ids);
      return ids.map((id) => history.get(id) ?? []);
    }).load(pupil.id);
    return rows ?? [];
  }

  @Authorized('careers_leader', 'staff', 'careers_adviser')
  @Mutation(() => SetPupilFlagsResult, { description: "Staff of the pupil's current school; every change is kept in flagHistory." })
  @UseMiddleware(auditChange('flags', (args) => ({ pupilId: (args.input as SetPupilFlagsInput).pupilId })))
  setPupilFlags(@Arg('input', () => SetPupilFlagsInput) input: SetPupilFlagsInput, @Ctx() ctx: RequestContext): Promise<SetPupilFlagsResult> {
    return new FlagService(ctx.em).setFlags(ctx.principal, input);
  }
}
