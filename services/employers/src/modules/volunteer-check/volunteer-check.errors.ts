import { mutationError, type FieldError, type MutationError } from '@waymark/subgraph-kit';

export enum VolunteerCheckErrorCode {
  Invalid = 'VOLUNTEER_CHECK_INVALID',
  VolunteerNotFound = 'VOLUNTEER_NOT_FOUND',
}

/** The expected ways recording a check fails: returned in the result, never thrown. */
export const VolunteerCheckProblems = {
  invalid(fields: FieldError[]): MutationError {
    return mutationError(VolunteerCheckErrorCode.Invalid, 'Some details need changing.', fields);
  },
  volunteerNotFound(): MutationError {
    return mutationError(VolunteerCheckErrorCode.VolunteerNotFound, 'There is no such volunteer working with or offering to help your school.');
  },
};
