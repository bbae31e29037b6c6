import { mutationError, type FieldError, type MutationError } from '@waymark/subgraph-kit';

export const FEEDBACK_MAX = 2000;
export const THANKS_MAX = 1000;

export enum FeedbackErrorCode {
  NotFound = 'FEEDBACK_ENCOUNTER_NOT_FOUND',
  NotYet = 'FEEDBACK_NOT_YET',
  Invalid = 'FEEDBACK_INVALID',
  NotWorkplace = 'FEEDBACK_NOT_WORKPLACE',
  NotAttended = 'FEEDBACK_PUPIL_NOT_ATTENDED',
  NotDelivered = 'FEEDBACK_VOLUNTEER_NOT_ON_ENCOUNTER',
}

/** The expected ways feedback and thanks are refused: returned in the result, never thrown; nothing is saved. */
export const FeedbackProblems = {
  notFound(): MutationError {
    return mutationError(FeedbackErrorCode.NotFound, 'There is no such encounter that you can give feedback on.');
  },
  notYet(): MutationError {
    return mutationError(FeedbackErrorCode.NotYet, 'This encounter has not happened yet: feedback opens once it has.');
  },
  invalid(fields: FieldError[]): MutationError {
    return mutationError(FeedbackErrorCode.Invalid, 'Some of the feedback needs changing.', fields);
  },
  notWorkplace(): MutationError {
    return mutationError(FeedbackErrorCode.NotWorkplace, 'Feedback for individual pupils is only for workplace visits, work shadowing and work experience.');
  },
  notAttended(ids: string[]): MutationError {
    return mutationError(FeedbackErrorCode.NotAttended, `${ids.length} of these pupils did not attend this encounter.`, [
      { field: 'feedback', message: `Not attended: ${ids.join(', ')}` },
    ]);
  },
  notDelivered(): MutationError {
    return mutationError(FeedbackErrorCode.NotDelivered, 'That volunteer did not deliver this encounter.', [
      { field: 'volunteerId', message: 'Choose a volunteer who delivered this encounter.' },
    ]);
  },
};

/** A required text: the problem with it, or null. */
export function textProblem(field: string, label: string, value: string, max: number): FieldError | null {
  const text = value.trim();
  if (text === '') return { field, message: `Enter ${label}.` };
  if (text.length > max) return { field, message: `${label[0].toUpperCase()}${label.slice(1)} must be ${max.toLocaleString('en-GB')} characters or fewer.` };
  return null;
}

/** A rating: a whole number from 1 to 5. */
export function ratingProblem(field: string, value: number): FieldError | null {
  return Number.isInteger(value) && value >= 1 && value <= 5 ? null : { field, message: 'Choose a rating from 1 to 5.' };
}
