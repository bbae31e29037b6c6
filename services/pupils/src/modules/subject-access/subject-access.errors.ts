import { DomainError } from '@waymark/subgraph-kit';

export enum SubjectAccessErrorCode {
  PupilNotFound = 'SUBJECT_ACCESS_PUPIL_NOT_FOUND',
}

export class SubjectAccessError extends DomainError<SubjectAccessErrorCode> {
  /** The one answer for a UPN nobody has and for a UPN of a pupil at another school: neither is told apart. */
  static pupilNotFound(): SubjectAccessError {
    return new SubjectAccessError('NOT_FOUND', SubjectAccessErrorCode.PupilNotFound, 'No pupil at your school has that UPN.');
  }
}
