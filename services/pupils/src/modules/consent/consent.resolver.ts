import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root, UseMiddleware } from 'type-graphql';
import type { RequestContext } from '@waymark/subgraph-kit';
import { auditChange } from '../audit/audit.hooks.js';
import { Pupil } from '../pupil/pupil.entity.js';
import { relationTo } from '../pupil/pupil.access.js';
import { PupilConsent, SetPupilConsentInput, SetPupilConsentResult } from './consent.types.js';
import { ConsentService, consentOf } from './consent.service.js';

@Resolver(() => Pupil)
export class PupilConsentResolver {
  @FieldResolver(() => PupilConsent, { nullable: true, description: 'Staff of the current school, the pupil, or a linked parent.' })
  consent(@Root() pupil: Pupil, @Ctx() ctx: RequestContext): PupilConsent | null {
    const relation = relationTo(ctx.principal, pupil);
    return relation === 'staff' || relation === 'self' || relation === 'parent' ? consentOf(pupil) : null;
  }

  @Authorized('careers_leader', 'staff', 'careers_adviser', 'pupil', 'parent')
  @Mutation(() => SetPupilConsentResult, {
    description: 'Staff of the current school any time; the pupil at 16 or over; a linked parent while the pupil is under 16.',
  })
  @UseMiddleware(auditChange('consent', (args) => ({ pupilId: (args.input as SetPupilConsentInput).pupilId })))
  setPupilConsent(@Arg('input', () => SetPupilConsentInput) input: SetPupilConsentInput, @Ctx() ctx: RequestContext): Promise<SetPupilConsentResult> {
    return new ConsentService(ctx.em).setConsent(ctx.principal, input);
  }
}
