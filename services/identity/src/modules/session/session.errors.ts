import { mutationError, type MutationError } from '@waymark/subgraph-kit';

export enum SessionErrorCode {
  NotFound = 'SIGNED_IN_DEVICE_NOT_FOUND',
  WrongPassword = 'PASSWORD_WRONG',
  WeakPassword = 'PASSWORD_TOO_WEAK',
  SlowDown = 'PASSWORD_SLOW_DOWN',
}

export const MIN_PASSWORD_LENGTH = 12;

/** The expected ways managing sessions and passwords can fail: returned in the result, never thrown. */
export const SessionErrors = {
  notFound(): MutationError {
    return mutationError(SessionErrorCode.NotFound, 'You are not signed in on a device with that id.');
  },
  wrongPassword(): MutationError {
    return mutationError(SessionErrorCode.WrongPassword, 'Your current password is not right.', [
      { field: 'currentPassword', message: 'Not your current password.' },
    ]);
  },
  slowDown(message: string): MutationError {
    return mutationError(SessionErrorCode.SlowDown, message, [{ field: 'currentPassword', message }]);
  },
  weakPassword(message: string): MutationError {
    return mutationError(SessionErrorCode.WeakPassword, message, [{ field: 'newPassword', message }]);
  },
};
