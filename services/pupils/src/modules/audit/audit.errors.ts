import { DomainError, mutationError, type MutationError } from '@waymark/subgraph-kit';

export enum AuditErrorCode {
  BadFilter = 'AUDIT_FILTER_INVALID',
  NotYourSchool = 'AUDIT_NOT_YOUR_SCHOOL',
  PupilNotVisible = 'AUDIT_PUPIL_NOT_VISIBLE',
  EntriesInvalid = 'AUDIT_ENTRIES_INVALID',
}

export class AuditError extends DomainError<AuditErrorCode> {
  static badFilter(message: string): AuditError {
    return new AuditError('BAD_USER_INPUT', AuditErrorCode.BadFilter, message);
  }

  static notYourSchool(): AuditError {
    return new AuditError(
      'FORBIDDEN',
      AuditErrorCode.NotYourSchool,
      'Only the careers leader or data protection lead of a school can see its data access log.',
    );
  }
}

/** Answers to `recordAuditEvents`, which other subgraphs call (nobody reads these messages but their logs). */
export const AuditProblems = {
  pupilNotVisible(): MutationError {
    return mutationError(AuditErrorCode.PupilNotVisible, 'Some of these pupils are not ones the caller may read.');
  },
  entriesInvalid(message: string): MutationError {
    return mutationError(AuditErrorCode.EntriesInvalid, message);
  },
};
