import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '@waymark/subgraph-kit';
import { DataProtectionLeadService } from './data-protection-lead.service.js';
import {
  DataProtectionLead,
  GrantDataProtectionLeadInput,
  GrantDataProtectionLeadResult,
  RemoveDataProtectionLeadInput,
  RemoveDataProtectionLeadResult,
} from './data-protection-lead.types.js';

@Resolver()
export class DataProtectionLeadResolver {
  @Authorized('careers_leader')
  @Query(() => [DataProtectionLead], { nullable: true, description: "Careers leaders: the staff of their school who hold the data protection lead's role." })
  dataProtectionLeads(@Ctx() ctx: RequestContext): Promise<DataProtectionLead[]> {
    return new DataProtectionLeadService(ctx.em).list(ctx.principal);
  }

  @Authorized('careers_leader')
  @Mutation(() => GrantDataProtectionLeadResult, {
    description: "Careers leaders: gives the data protection lead's role to a member of staff of their school, found by sign-in email.",
  })
  grantDataProtectionLead(
    @Arg('input', () => GrantDataProtectionLeadInput) input: GrantDataProtectionLeadInput,
    @Ctx() ctx: RequestContext,
  ): Promise<GrantDataProtectionLeadResult> {
    return new DataProtectionLeadService(ctx.em).grant(ctx.principal, input);
  }

  @Authorized('careers_leader')
  @Mutation(() => RemoveDataProtectionLeadResult, {
    description: "Careers leaders: takes the data protection lead's role away from a member of staff of their school (at their next request).",
  })
  removeDataProtectionLead(
    @Arg('input', () => RemoveDataProtectionLeadInput) input: RemoveDataProtectionLeadInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RemoveDataProtectionLeadResult> {
    return new DataProtectionLeadService(ctx.em).remove(ctx.principal, input);
  }
}
