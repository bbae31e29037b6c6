import { DomainError } from '@waymark/subgraph-kit';

export enum PupilErrorCode {
  FlagsForbidden = 'PUPIL_FLAGS_FORBIDDEN',
  NotVisible = 'PUPIL_NOT_VISIBLE',
}

export class PupilError extends DomainError<PupilErrorCode> {
  static flagsForbidden(): PupilError {
    return new PupilError('FORBIDDEN', PupilErrorCode.FlagsForbidden, 'Only staff of the pupil\'s own school can see vulnerable-group flags.');
  }
}
