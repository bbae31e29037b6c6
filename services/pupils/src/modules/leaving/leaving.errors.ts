import { formatDay, type LeavingDateProblem, type LeavingDateReason } from '@waymark/domain';
import { mutationError, type MutationError } from '@waymark/subgraph-kit';

export enum LeavingErrorCode {
  AlreadyLeft = 'PUPIL_ALREADY_LEFT',
  DateInvalid = 'LEFT_ON_INVALID',
  DateInFuture = 'LEFT_ON_IN_FUTURE',
  DateBeforeJoining = 'LEFT_ON_BEFORE_JOINING',
}

const CODE_OF: Record<LeavingDateReason, LeavingErrorCode> = {
  INVALID: LeavingErrorCode.DateInvalid,
  IN_FUTURE: LeavingErrorCode.DateInFuture,
  BEFORE_JOINING: LeavingErrorCode.DateBeforeJoining,
};

export const LeavingProblems = {
  alreadyLeft(leftOn: string): MutationError {
    return mutationError(LeavingErrorCode.AlreadyLeft, `This pupil has already left your school, on ${formatDay(leftOn, 'long')}. Nothing was changed.`, [
      { field: 'pupilId', message: 'Already left.' },
    ]);
  },
  leavingDate(problem: LeavingDateProblem): MutationError {
    return mutationError(CODE_OF[problem.reason], `${problem.message}. Nothing was changed.`, [{ field: 'leftOn', message: problem.message }]);
  },
};
