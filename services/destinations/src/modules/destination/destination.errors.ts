import { DomainError } from '@waymark/subgraph-kit';

export enum DestinationErrorCode {
  OtherSchool = 'DESTINATION_OTHER_SCHOOL',
}

export class DestinationError extends DomainError<DestinationErrorCode> {
  static otherSchool(): DestinationError {
    return new DestinationError('FORBIDDEN', DestinationErrorCode.OtherSchool, 'Staff can only see their own school\'s destinations.');
  }
}
