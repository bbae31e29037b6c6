import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root, UseMiddleware } from 'type-graphql';
import { loaderFor, type RequestContext } from '@waymark/subgraph-kit';
import { auditChange } from '../audit/audit.hooks.js';
import { Pupil } from '../pupil/pupil.entity.js';
import { relationTo } from '../pupil/pupil.access.js';
import { RecordComment } from './comment.entity.js';
import { AddRecordCommentInput, AddRecordCommentResult } from './comment.types.js';
import { CommentService } from './comment.service.js';

@Resolver(() => Pupil)
export class PupilCommentsResolver {
  @FieldResolver(() => [RecordComment], { nullable: true, description: 'Oldest first. Staff of the current school, the pupil, or a linked parent.' })
  async comments(@Root() pupil: Pupil, @Ctx() ctx: RequestContext): Promise<RecordComment[] | null> {
    const relation = relationTo(ctx.principal, pupil);
    if (relation !== 'staff' && relation !== 'self' && relation !== 'parent') return null;
    const rows = await loaderFor<RecordComment[]>(ctx, 'comments', async (ids) => {
      const comments = await new CommentService(ctx.em).commentsOf(ids);
      return ids.map((id) => comments.get(id) ?? []);
    }).load(pupil.id);
    return rows ?? [];
  }

  @Authorized('parent', 'careers_leader', 'staff', 'careers_adviser')
  @Mutation(() => AddRecordCommentResult, { description: "A linked parent (where the school allows it) or staff of the pupil's current school." })
  @UseMiddleware(
    auditChange('comments', (args, result: AddRecordCommentResult) => (result.replayed ? null : { pupilId: (args.input as AddRecordCommentInput).pupilId })),
  )
  addRecordComment(@Arg('input', () => AddRecordCommentInput) input: AddRecordCommentInput, @Ctx() ctx: RequestContext): Promise<AddRecordCommentResult> {
    return new CommentService(ctx.em).add(ctx.principal, input);
  }
}
