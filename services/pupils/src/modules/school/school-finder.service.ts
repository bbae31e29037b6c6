import type { EntityManager } from '@mikro-orm/sql';
import { boundSql, isUuid } from '@waymark/subgraph-kit';
import type { SchoolForSignUp } from './school-finder.types.js';

/** Fewer letters than this find too many schools to be worth showing, and make the list easy to walk. */
const MIN_SCHOOL_QUERY = 3;
const MAX_SCHOOL_QUERY = 100;
const MAX_SCHOOLS_FOUND = 10;

const COLUMNS = 'id, name, local_authority as "localAuthority", urn';

/**
 * Schools whose name contains the words asked (ignoring case, and with `%`, `_` and `\` taken
 * literally), at most MAX_SCHOOLS_FOUND, by name. Too short or too long a query finds nothing.
 */
export async function findSchoolsForSignUp(em: EntityManager, query: string): Promise<SchoolForSignUp[]> {
  const words = query.trim().replace(/\s+/g, ' ');
  if (words.length < MIN_SCHOOL_QUERY || words.length > MAX_SCHOOL_QUERY) return [];
  const pattern = `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const { rows } = await boundSql<SchoolForSignUp>(
    em,
    `select ${COLUMNS} from school where name ilike $1 escape '\\' order by name, local_authority, urn limit ${MAX_SCHOOLS_FOUND}`,
    [pattern],
  );
  return rows;
}

/** One school by id (checking a sign-up's choice), or null when Waymark has no such school. */
export async function schoolForSignUp(em: EntityManager, id: string): Promise<SchoolForSignUp | null> {
  if (!isUuid(id)) return null;
  const { rows } = await boundSql<SchoolForSignUp>(em, `select ${COLUMNS} from school where id = $1::uuid`, [id]);
  return rows[0] ?? null;
}
