import { parseDay } from '@waymark/domain';
import type { AuditAction, AuditFilter } from '../graphql/auditLog';

export const NO_AUDIT_FILTER: AuditFilter = { pupilId: null, actorAccountId: null, action: null, from: null, to: null };

export const ACTION_OPTIONS: { value: AuditAction; label: string }[] = [
  { value: 'READ', label: 'Looked at' },
  { value: 'CHANGE', label: 'Changed' },
  { value: 'EXPORT', label: 'Downloaded' },
];

export function actionLabel(action: AuditAction): string {
  return ACTION_OPTIONS.find((option) => option.value === action)?.label ?? action;
}

/** Plain names for the fields the trail records. */
const FIELD_LABELS: Record<string, string> = {
  flags: 'vulnerable groups',
  flagHistory: 'history of vulnerable groups',
  dateOfBirth: 'date of birth',
  guidanceNotes: 'guidance meeting notes',
  guidanceMeeting: 'guidance meeting',
  consent: 'consent',
  comments: 'comments',
  parentLinks: 'parent or carer access',
  roster: 'roster import',
  leftOn: 'left the school (marked as left, or put back on roll)',
  auditLog: 'this log',
  subjectAccess: 'whole record (subject access request)',
  ownSubjectAccess: 'their own data (Download my data)',
};

export function fieldsLabel(fields: readonly string[]): string {
  return fields.map((field) => FIELD_LABELS[field] ?? field).join(', ');
}

const ROLE_LABELS: Record<string, string> = {
  careers_leader: 'careers leader',
  staff: 'staff',
  careers_adviser: 'careers adviser',
  trust_analyst: 'trust analyst',
  pupil: 'pupil',
  parent: 'parent or carer',
};

export function rolesLabel(roles: readonly string[]): string {
  return roles.map((role) => ROLE_LABELS[role] ?? role.replace(/_/g, ' ')).join(', ');
}

/** What the form holds while someone types: the dates as typed. */
export interface AuditFilterDraft {
  action: AuditAction | '';
  from: string;
  to: string;
}

export interface DraftProblem {
  field: 'from' | 'to';
  message: string;
}

const isDay = (value: string): boolean => parseDay(value) !== null;

/** Checks the form and, when it is fine, the filter it asks for (keeping the pupil and person chosen in the table). */
export function applyDraft(draft: AuditFilterDraft, current: AuditFilter): { filter: AuditFilter | null; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const from = draft.from.trim();
  const to = draft.to.trim();
  if (from && !isDay(from)) problems.push({ field: 'from', message: 'Enter the "from" date as a real date' });
  if (to && !isDay(to)) problems.push({ field: 'to', message: 'Enter the "to" date as a real date' });
  if (problems.length === 0 && from && to && from > to) problems.push({ field: 'to', message: 'The "to" date must be the same as or after the "from" date' });
  if (problems.length > 0) return { filter: null, problems };
  return { filter: { ...current, action: draft.action || null, from: from || null, to: to || null }, problems };
}

export function draftOf(filter: AuditFilter): AuditFilterDraft {
  return { action: filter.action ?? '', from: filter.from ?? '', to: filter.to ?? '' };
}

/** The download's file name: what it is and the day it was taken. */
export function auditCsvFileName(today: string): string {
  return `data-access-log-${today}.csv`;
}
