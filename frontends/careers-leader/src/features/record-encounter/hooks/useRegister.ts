import { GraphQLRequestError, request, required } from '@waymark/graphql-client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { REGISTER_PAGE_SIZE, REGISTER_PUPILS_QUERY, type RegisterPupil } from '../graphql/registerPupils';

type YearState = { status: 'loading' } | { status: 'ready'; pupils: RegisterPupil[]; totalCount: number } | { status: 'error'; error: GraphQLRequestError };

export interface RegisterState {
  pupils: RegisterPupil[];
  attendance: Record<string, boolean>;
  attendedCount: number;
  loading: boolean;
  errors: { yearGroup: number; message: string }[];
  /** Year groups with more pupils than the register could list. */
  truncated: { yearGroup: number; totalCount: number }[];
  setAttended: (pupilId: string, attended: boolean) => void;
  markAll: (attended: boolean) => void;
  retry: () => void;
}

const byYearThenName = (a: RegisterPupil, b: RegisterPupil) => (a.yearGroup ?? 0) - (b.yearGroup ?? 0) || a.displayName.localeCompare(b.displayName, 'en-GB');

/**
 * The register for the chosen year groups: each year's pupils are fetched once (`pupils(yearGroup, first: 200)`)
 * and everyone starts as attended, which is what usually happened.
 */
export function useRegister(yearGroups: readonly number[]): RegisterState {
  const [years, setYears] = useState<Record<number, YearState>>({});
  const [attendance, setAttendance] = useState<Record<string, boolean>>({});
  const requested = useRef(new Set<number>());

  const load = useCallback(async (yearGroup: number) => {
    requested.current.add(yearGroup);
    setYears((previous) => ({ ...previous, [yearGroup]: { status: 'loading' } }));
    try {
      const pupils = required((await request(REGISTER_PUPILS_QUERY, { yearGroup, first: REGISTER_PAGE_SIZE })).pupils);
      const list = pupils.edges.map((edge) => edge.node);
      setYears((previous) => ({ ...previous, [yearGroup]: { status: 'ready', pupils: list, totalCount: pupils.totalCount } }));
      setAttendance((previous) => {
        const next = { ...previous };
        for (const pupil of list) if (!(pupil.id in next)) next[pupil.id] = true;
        return next;
      });
    } catch (error) {
      const requestError = error instanceof GraphQLRequestError ? error : new GraphQLRequestError([{ message: String(error) }]);
      requested.current.delete(yearGroup);
      setYears((previous) => ({ ...previous, [yearGroup]: { status: 'error', error: requestError } }));
    }
  }, []);

  useEffect(() => {
    for (const yearGroup of yearGroups) if (!requested.current.has(yearGroup)) void load(yearGroup);
  }, [yearGroups, load]);

  const pupils = useMemo(
    () =>
      yearGroups
        .flatMap((yearGroup) => {
          const state = years[yearGroup];
          return state?.status === 'ready' ? state.pupils : [];
        })
        .sort(byYearThenName),
    [yearGroups, years],
  );

  const chosen = yearGroups.map((yearGroup) => ({ yearGroup, state: years[yearGroup] }));
  const setAttended = useCallback((pupilId: string, attended: boolean) => {
    setAttendance((previous) => ({ ...previous, [pupilId]: attended }));
  }, []);
  const markAll = useCallback(
    (attended: boolean) => {
      setAttendance((previous) => {
        const next = { ...previous };
        for (const pupil of pupils) next[pupil.id] = attended;
        return next;
      });
    },
    [pupils],
  );
  const retry = useCallback(() => {
    for (const { yearGroup, state } of chosen) if (state?.status === 'error') void load(yearGroup);
  }, [chosen, load]);

  return {
    pupils,
    attendance,
    attendedCount: pupils.filter((pupil) => attendance[pupil.id] !== false).length,
    loading: chosen.some(({ state }) => !state || state.status === 'loading'),
    errors: chosen.flatMap(({ yearGroup, state }) => (state?.status === 'error' ? [{ yearGroup, message: state.error.message }] : [])),
    truncated: chosen.flatMap(({ yearGroup, state }) =>
      state?.status === 'ready' && state.totalCount > state.pupils.length ? [{ yearGroup, totalCount: state.totalCount }] : [],
    ),
    setAttended,
    markAll,
    retry,
  };
}
