import { mutationError, type FieldError, type MutationError } from '@waymark/subgraph-kit';

export enum PlacementErrorCode {
  Invalid = 'PLACEMENT_INVALID',
  NotFound = 'PLACEMENT_NOT_FOUND',
  Closed = 'PLACEMENT_CLOSED',
  Full = 'PLACEMENT_FULL',
  NotForYou = 'PLACEMENT_NOT_FOR_YOU',
  AlreadyApplied = 'PLACEMENT_APPLICATION_EXISTS',
  ApplicationNotFound = 'PLACEMENT_APPLICATION_NOT_FOUND',
  Answered = 'PLACEMENT_APPLICATION_ANSWERED',
  NotOver = 'PLACEMENT_NOT_OVER',
  NoRecord = 'PLACEMENT_PUPIL_RECORD_MISSING',
}

/** The expected ways the placement mutations fail: returned in the result, never thrown. */
export const PlacementProblems = {
  invalid(fields: FieldError[]): MutationError {
    return mutationError(PlacementErrorCode.Invalid, 'Some details need changing.', fields);
  },
  notFound(): MutationError {
    return mutationError(PlacementErrorCode.NotFound, 'There is no such placement, or it is not one you can see.');
  },
  closed(): MutationError {
    return mutationError(PlacementErrorCode.Closed, 'This placement has started or finished, so it is no longer taking applications.');
  },
  full(): MutationError {
    return mutationError(PlacementErrorCode.Full, 'Every place on this placement has been taken.');
  },
  notForYou(): MutationError {
    return mutationError(PlacementErrorCode.NotForYou, 'This placement is not offered to your year group.');
  },
  alreadyApplied(): MutationError {
    return mutationError(PlacementErrorCode.AlreadyApplied, 'You have already applied for this placement.');
  },
  applicationNotFound(): MutationError {
    return mutationError(PlacementErrorCode.ApplicationNotFound, 'There is no such application from a pupil at your school.');
  },
  answered(): MutationError {
    return mutationError(PlacementErrorCode.Answered, 'This application has already been answered.');
  },
  notOver(): MutationError {
    return mutationError(PlacementErrorCode.NotOver, 'You can mark a placement as done from its last day.');
  },
  noRecord(): MutationError {
    return mutationError(PlacementErrorCode.NoRecord, 'We could not find your year group. Ask your school to check your record.');
  },
};
