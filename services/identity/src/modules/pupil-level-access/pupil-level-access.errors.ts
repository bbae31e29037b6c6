import { mutationError, type MutationError } from '@waymark/subgraph-kit';

export enum PupilLevelAccessErrorCode {
  AnalystNotFound = 'PUPIL_LEVEL_ACCESS_ANALYST_NOT_FOUND',
  NotYourself = 'PUPIL_LEVEL_ACCESS_NOT_YOURSELF',
  AlreadyGranted = 'PUPIL_LEVEL_ACCESS_ALREADY_GRANTED',
  NotGranted = 'PUPIL_LEVEL_ACCESS_NOT_GRANTED',
}

/** The expected ways granting or withdrawing pupil-level access can fail: returned in the result, never thrown. */
export const PupilLevelAccessErrors = {
  /** One answer for an unknown id, another trust's analyst and an account that is not an analyst's. */
  analystNotFound(): MutationError {
    return mutationError(PupilLevelAccessErrorCode.AnalystNotFound, 'That person is not an analyst of your trust.');
  },
  notYourself(): MutationError {
    return mutationError(PupilLevelAccessErrorCode.NotYourself, 'You cannot change your own pupil-level access. Another analyst of your trust who has it can.');
  },
  alreadyGranted(name: string): MutationError {
    return mutationError(PupilLevelAccessErrorCode.AlreadyGranted, `${name} already has pupil-level access.`);
  },
  notGranted(name: string): MutationError {
    return mutationError(PupilLevelAccessErrorCode.NotGranted, `${name} does not have pupil-level access.`);
  },
};
