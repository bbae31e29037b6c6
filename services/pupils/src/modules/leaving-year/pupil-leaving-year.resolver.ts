import { Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { year11LeavingYear } from '@waymark/domain';
import type { RequestContext } from '@waymark/subgraph-kit';
import { Pupil } from '../pupil/pupil.entity.js';
import { relationTo } from '../pupil/pupil.access.js';

/**
 * The summer a pupil finishes Year 11, for the destinations subgraph's list of leavers to follow up
 * (docs/domain-rules.md, "Leavers to follow up"). It follows from the date of birth, but the date
 * itself never travels, so listing a school's leavers reads nothing sensitive and writes no
 * `dateOfBirth` reads to the audit trail for every leaver each time the list is opened.
 */
@Resolver(() => Pupil)
export class PupilLeavingYearResolver {
  @Directive('@inaccessible')
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "Subgraph-to-subgraph only: the calendar year of the summer the pupil finishes (or finished) Year 11, by their date of birth. Staff of the pupil's school (or the school they last left) only; null for anyone else.",
  })
  year11LeavingYear(@Root() pupil: Pupil, @Ctx() ctx: RequestContext): number | null {
    if (relationTo(ctx.principal, pupil) !== 'staff') return null;
    return year11LeavingYear(String(pupil.dateOfBirth).slice(0, 10));
  }
}
