import { request, useQuery } from '@waymark/graphql-client';
import { useCallback } from 'react';
import type { MutationError } from '../../../shared/types';
import {
  ENCOUNTER_QUERY,
  IMPORT_REGISTER_MUTATION,
  INVITE_TO_ENCOUNTER_MUTATION,
  MARK_ATTENDANCE_MUTATION,
  RECORD_GROUP_REFLECTION_MUTATION,
  type GroupReflectionResult,
  type ImportRegisterResult,
  type InviteInput,
  type RegisterChangeResult,
} from '../graphql/encounter';
import type { Mark } from '../lib/register';

export type ActionOutcome<Result> = { ok: true; result: Result } | { ok: false; message: string; error?: MutationError | null; result?: Result };

function failure<Result>(error: unknown, fallback: string): ActionOutcome<Result> {
  return { ok: false, message: error instanceof Error ? error.message : fallback };
}

/** One encounter with its register, and the changes staff make to the register (each reloads it). */
export function useEncounter(encounterId: string) {
  const query = useQuery(ENCOUNTER_QUERY, { id: encounterId });
  const { refetch } = query;

  const invite = useCallback(
    async (input: Omit<InviteInput, 'encounterId'>): Promise<ActionOutcome<RegisterChangeResult>> => {
      try {
        const { inviteToEncounter: result } = await request(INVITE_TO_ENCOUNTER_MUTATION, { input: { encounterId, ...input } });
        if (result.error) return { ok: false, message: result.error.message, error: result.error, result };
        await refetch();
        return { ok: true, result };
      } catch (error) {
        return failure(error, 'The pupils could not be invited.');
      }
    },
    [encounterId, refetch],
  );

  const markAttendance = useCallback(
    async (pupilIds: string[], mark: Mark): Promise<ActionOutcome<RegisterChangeResult>> => {
      try {
        const input = { encounterId, pupilIds, attended: mark === 'attended', declined: mark === 'declined' };
        const { markAttendance: result } = await request(MARK_ATTENDANCE_MUTATION, { input });
        if (result.error) return { ok: false, message: result.error.message, error: result.error, result };
        await refetch();
        return { ok: true, result };
      } catch (error) {
        return failure(error, 'The register could not be changed.');
      }
    },
    [encounterId, refetch],
  );

  const importRegister = useCallback(
    async (csv: string): Promise<ActionOutcome<ImportRegisterResult>> => {
      try {
        const { importRegister: result } = await request(IMPORT_REGISTER_MUTATION, { input: { encounterId, csv } });
        if (result.error || result.rejected.length > 0) {
          return { ok: false, message: result.error?.message ?? 'Some rows of the file could not be used.', error: result.error, result };
        }
        await refetch();
        return { ok: true, result };
      } catch (error) {
        return failure(error, 'The register could not be imported.');
      }
    },
    [encounterId, refetch],
  );

  const recordGroupReflection = useCallback(
    async (on: string): Promise<ActionOutcome<GroupReflectionResult>> => {
      try {
        const { recordGroupReflection: result } = await request(RECORD_GROUP_REFLECTION_MUTATION, { input: { encounterId, on } });
        if (result.error) return { ok: false, message: result.error.message, error: result.error, result };
        await refetch();
        return { ok: true, result };
      } catch (error) {
        return failure(error, 'The reflection time could not be recorded.');
      }
    },
    [encounterId, refetch],
  );

  return { ...query, encounter: query.data?.encounter ?? null, invite, markAttendance, importRegister, recordGroupReflection };
}
