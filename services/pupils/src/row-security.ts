import { TENANT_SQL, type TenantRule } from '@waymark/subgraph-kit';

const { schools: SCHOOLS, trust: TRUST } = TENANT_SQL;

/*
 * How the pupils subgraph's rows belong to tenants (docs/security.md, "Row-level security"): the
 * database's own check behind the resolvers' access rules in pupil.access.ts. The migration that
 * created these policies wrote them out as they were then; change a rule here only with a new one.
 */

/**
 * A pupil: staff and analysts of the current school and trust, the pupil and linked parents, and a
 * school or trust the pupil has left (an enrolment row there): the resolvers show a former school
 * only its own period of the record.
 */
export const PUPIL_RULE: TenantRule = {
  kind: 'pupil',
  trust: true,
  pupilColumn: 'id',
  extra: [`exists (select 1 from "enrolment" "e" where "e"."pupil_id" = "pupil"."id" and ("e"."school_id" = any(${SCHOOLS}) or "e"."trust_id" = ${TRUST}))`],
};

/**
 * A pupil's earlier period at a school: staff and analysts of that school and trust, the pupil and
 * linked parents, and the school and trust the pupil is at now. The last two are copied onto each row
 * (`current_school_id`, `current_trust_id`) by the triggers below: the pupil's own rule reads this
 * table, so this one may not read `pupil` back (PostgreSQL refuses policies that refer to each other).
 */
export const ENROLMENT_RULE: TenantRule = {
  kind: 'pupil',
  trust: true,
  extra: [`"current_school_id" = any(${SCHOOLS})`, `"current_trust_id" = ${TRUST}`],
};

/** Fills a new enrolment row's current school and trust from its pupil. */
export const ENROLMENT_CURRENT_TRIGGER = {
  name: 'enrolment_current_school',
  timing: 'before' as const,
  events: ['insert' as const],
  expression: `create trigger "enrolment_current_school" before insert on "enrolment" for each row execute function "enrolment_current_school"();`,
};

/** Moves a pupil's enrolment rows' current school and trust along when the pupil's own change. */
export const PUPIL_MOVES_TRIGGER = {
  name: 'pupil_moves_enrolments',
  timing: 'after' as const,
  events: ['update' as const],
  expression: `create trigger "pupil_moves_enrolments" after update of "school_id", "trust_id" on "pupil" for each row when (old."school_id" is distinct from new."school_id" or old."trust_id" is distinct from new."trust_id") execute function "pupil_moves_enrolments"();`,
};

/**
 * A pupil's history that travels with them (flag changes, comments): the school it was written at,
 * and the school and trust the pupil is at now.
 */
export function historyRule(table: string): TenantRule {
  return {
    kind: 'pupil',
    trust: true,
    extra: [`exists (select 1 from "pupil" "p" where "p"."id" = "${table}"."pupil_id" and ("p"."school_id" = any(${SCHOOLS}) or "p"."trust_id" = ${TRUST}))`],
  };
}
