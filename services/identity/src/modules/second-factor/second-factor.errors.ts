import { mutationError, type MutationError } from '@waymark/subgraph-kit';

export enum SecondFactorErrorCode {
  AlreadyOn = 'SECOND_FACTOR_ALREADY_ON',
  NotStarted = 'SECOND_FACTOR_NOT_STARTED',
  NotOn = 'SECOND_FACTOR_NOT_ON',
  WrongCode = 'SECOND_FACTOR_WRONG_CODE',
  WrongPassword = 'SECOND_FACTOR_WRONG_PASSWORD',
  Required = 'SECOND_FACTOR_REQUIRED',
}

/** The expected ways managing a second factor can fail: returned in the result, never thrown. */
export const SecondFactorErrors = {
  alreadyOn(): MutationError {
    return mutationError(SecondFactorErrorCode.AlreadyOn, 'Your account already asks for a code from your authenticator app.');
  },
  notStarted(): MutationError {
    return mutationError(SecondFactorErrorCode.NotStarted, 'Start setting up the authenticator app first.');
  },
  notOn(): MutationError {
    return mutationError(SecondFactorErrorCode.NotOn, 'Your account does not use an authenticator app yet.');
  },
  wrongCode(): MutationError {
    return mutationError(SecondFactorErrorCode.WrongCode, 'That code is not right. Enter the six digits your authenticator app shows now.', [
      { field: 'code', message: 'Not the code your app shows now.' },
    ]);
  },
  wrongPassword(): MutationError {
    return mutationError(SecondFactorErrorCode.WrongPassword, 'That password is not right.', [{ field: 'password', message: 'Not your password.' }]);
  },
  required(): MutationError {
    return mutationError(SecondFactorErrorCode.Required, 'Your school or trust requires a code at sign-in, so it cannot be turned off.');
  },
};
