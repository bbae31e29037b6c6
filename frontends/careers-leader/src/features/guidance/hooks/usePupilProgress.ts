import { request, useQuery } from '@waymark/graphql-client';
import { errorsAt } from '@waymark/ui';
import { useCallback } from 'react';
import {
  CANCEL_GUIDANCE_BOOKING_MUTATION,
  MOVE_GUIDANCE_BOOKING_MUTATION,
  PUPIL_PROGRESS_QUERY,
  RECORD_GUIDANCE_MEETING_MUTATION,
  SET_AGREED_ACTION_DONE_MUTATION,
  SET_CONSIDERING_HIGHER_EDUCATION_MUTATION,
  type MoveGuidanceBookingInput,
  type RecordGuidanceMeetingInput,
} from '../graphql/guidance';

const message = (error: unknown, fallback: string) => (error instanceof Error ? error.message : fallback);

/** A pupil's benchmark progress and guidance meetings for staff, and the changes staff make; each resolves with a problem or null. */
export function usePupilProgress(pupilId: string) {
  const query = useQuery(PUPIL_PROGRESS_QUERY, { id: pupilId });
  const { refetch } = query;
  const pupil = query.data?.pupil ?? null;
  // The whole request failing (no pupil at all) shows against every section.
  const errorsFor = useCallback(
    (field: string) => (query.error && !pupil ? query.error.errors : errorsAt(query.error, ['pupil', field])),
    [query.error, pupil],
  );

  const recordMeeting = useCallback(
    async (input: RecordGuidanceMeetingInput): Promise<string | null> => {
      try {
        const { recordGuidanceMeeting } = await request(RECORD_GUIDANCE_MEETING_MUTATION, { input });
        if (recordGuidanceMeeting.error || !recordGuidanceMeeting.meeting) return recordGuidanceMeeting.error?.message ?? 'The meeting was not recorded.';
        await refetch();
        return null;
      } catch (error) {
        return message(error, 'The meeting was not recorded.');
      }
    },
    [refetch],
  );

  /** Moves a booked meeting: null when done, else every problem in words (the fields' too). */
  const moveBooking = useCallback(
    async (input: MoveGuidanceBookingInput): Promise<string | null> => {
      try {
        const { moveGuidanceBooking: result } = await request(MOVE_GUIDANCE_BOOKING_MUTATION, { input });
        if (result.error || !result.meeting) {
          const all = [result.error?.message ?? 'The meeting was not moved.', ...(result.error?.fields.map((field) => field.message) ?? [])];
          return [...new Set(all)].join(' ');
        }
        await refetch();
        return null;
      } catch (error) {
        return message(error, 'The meeting was not moved.');
      }
    },
    [refetch],
  );

  const cancelBooking = useCallback(
    async (id: string): Promise<string | null> => {
      try {
        const { cancelGuidanceBooking: result } = await request(CANCEL_GUIDANCE_BOOKING_MUTATION, { id });
        if (result.error || !result.cancelled) return result.error?.message ?? 'The meeting was not cancelled.';
        await refetch();
        return null;
      } catch (error) {
        return message(error, 'The meeting was not cancelled.');
      }
    },
    [refetch],
  );

  const setActionDone = useCallback(
    async (id: string, done: boolean): Promise<string | null> => {
      try {
        const { setAgreedActionDone } = await request(SET_AGREED_ACTION_DONE_MUTATION, { id, done });
        if (setAgreedActionDone.error) return setAgreedActionDone.error.message;
        await refetch();
        return null;
      } catch (error) {
        return message(error, 'The action was not updated.');
      }
    },
    [refetch],
  );

  const setConsidering = useCallback(
    async (considering: boolean): Promise<string | null> => {
      try {
        const { setConsideringHigherEducation: result } = await request(SET_CONSIDERING_HIGHER_EDUCATION_MUTATION, {
          pupilId,
          considering,
        });
        if (result.error) return result.error.message;
        await refetch();
        return null;
      } catch (error) {
        return message(error, 'It was not saved.');
      }
    },
    [pupilId, refetch],
  );

  return { ...query, pupil, errorsFor, recordMeeting, moveBooking, cancelBooking, setActionDone, setConsidering };
}
