import { formatDay, type LeavingDateProblem, type LeavingDateReason } from '@waymark/domain';
import { mutationError, type MutationError } from '@waymark/subgraph-kit';

export enum LeavingErrorCode {
  AlreadyLeft = 'PUPIL_ALREADY_LEFT',
  OnRoll = 'PUPIL_ON_ROLL',
  LeftInEarlierYear = 'PUPIL_LEFT_IN_EARLIER_YEAR',
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
  onRoll(): MutationError {
    return mutationError(LeavingErrorCode.OnRoll, 'This pupil is on roll at your school: there is no leaving to undo. Nothing was changed.', [
      { field: 'pupilId', message: 'On roll.' },
    ]);
  },
  leftInEarlierYear(leftOn: string): MutationError {
    return mutationError(
      LeavingErrorCode.LeftInEarlierYear,
      `This pupil left on ${formatDay(leftOn, 'long')}, in an earlier school year, so their leaving cannot be undone here. If they are back, include them in your next roster import. Nothing was changed.`,
      [{ field: 'pupilId', message: 'Left in an earlier school year.' }],
    );
  },
  leavingDate(problem: LeavingDateProblem): MutationError {
    return mutationError(CODE_OF[problem.reason], `${problem.message}. Nothing was changed.`, [{ field: 'leftOn', message: problem.message }]);
  },
};
