import type { EntityManager } from '@mikro-orm/sql';
import { scopeOf } from './authorize.js';
import type { RequestContext } from './context.js';
import { isUuid } from './ids.js';
import { currentPupilIds } from './record-access.js';
import { boundSql } from './sql.js';

/*
 * A subject-access export gathers everything Waymark holds about one person from every subgraph in
 * one request through the gateway: each subgraph answers a field of its own on the federated entity
 * (`Pupil.pupilsSubjectAccess`, `Pupil.encountersSubjectAccess`, …) with the rows it holds, section
 * by section, as stored.
 */

export interface SubjectAccessSection {
  title: string;
  rows: Record<string, unknown>[];
}

export interface SubjectAccessPart {
  source: string;
  sections: SubjectAccessSection[];
}

/** Runs each section's statement (its one parameter, $1, is the person's id) and gathers the rows. */
export async function readSubjectAccess(em: EntityManager, source: string, sections: readonly { title: string; sql: string }[], id: string): Promise<SubjectAccessPart> {
  const read: SubjectAccessSection[] = [];
  for (const section of sections) read.push({ title: section.title, rows: (await boundSql<Record<string, unknown>>(em, section.sql, [id])).rows });
  return { source, sections: read };
}

/**
 * Whether the caller is staff of the pupil's current school, asked of the pupils subgraph with the
 * caller's own credential (a subgraph without pupils cannot tell a current school from a former one).
 */
export async function isCurrentSchoolStaff(ctx: RequestContext, pupilsUrl: string, pupilId: string): Promise<boolean> {
  if (scopeOf(ctx.principal).kind !== 'school' || !isUuid(pupilId)) return false;
  return (await currentPupilIds(ctx, pupilsUrl, [pupilId])).has(pupilId);
}
