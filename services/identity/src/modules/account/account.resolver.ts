import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '@waymark/subgraph-kit';
import { Account } from './account.entity.js';
import { AccountService } from './account.service.js';
import { ownAccount } from './account.access.js';

@Resolver(() => Account)
export class AccountResolver {
  @Authorized()
  @Query(() => Account, { nullable: true, description: 'The signed-in person; null for an API credential.' })
  me(@Ctx() ctx: RequestContext): Promise<Account | null> {
    return ownAccount(ctx, 'me', (em) => new AccountService(em).me(ctx.principal));
  }
}
