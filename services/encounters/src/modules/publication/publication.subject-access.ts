import { boundSql, isUuid, readSubjectAccess, withRequestBypass, type SubjectAccessPart } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';

/*
 * A careers leader's own "Download my data": the school's public careers page they saved last, with
 * their name as it was saved beside it, the contact details they gave and when they saved and published
 * it (docs/domain-rules.md, "Download my data"). Found by their account id, kept with each save.
 */
const SECTIONS = [
  {
    title: 'The public careers page you last saved for your school',
    sql: `select school_name, updated_by_name, updated_at, contact_name, contact_email, contact_phone, published_at, school_id
      from careers_publication where updated_by_id = $1 order by updated_at`,
  },
];

/**
 * The caller's own rows, or null when they saved no careers page. The page is its school's to read
 * under row-level security (and the leader may since have moved school), so this reads it under a named
 * bypass keyed by the caller's own account.
 */
export async function ownCareersPages(ctx: EncountersContext): Promise<SubjectAccessPart | null> {
  const accountId = accountIdOf(ctx);
  if (!accountId) return null;
  return withRequestBypass(ctx, 'Download my data: the careers pages the caller saved, by their own account id', async (em) => {
    const { rows } = await boundSql(em, 'select 1 from "careers_publication" where "updated_by_id" = $1 limit 1', [accountId]);
    return rows.length === 0 ? null : readSubjectAccess(em, 'encounters', SECTIONS, accountId);
  });
}

/** The caller's account id as the page keeps it: null for anything that is not an account (a test's made-up id, say). */
export function accountIdOf(ctx: EncountersContext): string | null {
  return isUuid(ctx.principal.accountId) ? ctx.principal.accountId : null;
}
