import { DomainError } from '@waymark/subgraph-kit';

export enum DestinationErrorCode {
  OtherSchool = 'DESTINATION_OTHER_SCHOOL',
  OtherTrust = 'DESTINATION_OTHER_TRUST',
}

export class DestinationError extends DomainError<DestinationErrorCode> {
  static otherSchool(): DestinationError {
    return new DestinationError('FORBIDDEN', DestinationErrorCode.OtherSchool, "Staff can only see their own school's destinations.");
  }

  static otherTrust(): DestinationError {
    return new DestinationError(
      'FORBIDDEN',
      DestinationErrorCode.OtherTrust,
      'That school is not part of your trust, so its destinations are not yours to see.',
    );
  }
}
