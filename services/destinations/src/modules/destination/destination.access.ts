import type { FilterQuery } from '@mikro-orm/core';
import type { Principal } from '@waymark/auth';
import { AccessError, InputError, isUuid, pupilRecordRoute, pupilRowScope, scopeOf } from '@waymark/subgraph-kit';
import type { Destination } from './destination.entity.js';
import { DestinationError } from './destination.errors.js';

/**
 * The rows of `destination` a caller may read by id (`_entities` for Destination), as a filter the
 * query starts from; null when the caller may read none. Destinations are pupil-level data:
 * employers, alumni, analysts without pupil-level access and the gateway itself never read them.
 * A pupil's own list (`Pupil.destinations`) follows the pupil across transfers instead: see
 * `pupilRecordRoute`.
 */
export function visibleDestinations(principal: Principal): FilterQuery<Destination> | null {
  return pupilRowScope(principal);
}

/**
 * Whether a Pupil representation resolves here. This subgraph holds no pupil rows, so it decides
 * by the caller alone (`pupilRecordRoute`); the fields then return only the rows the pupils
 * subgraph's answer allows. Staff get an empty list for a pupil whose history they may not read
 * rather than null, because a null here would blank out the whole pupil at the gateway.
 */
export function mayAskAboutPupil(principal: Principal, pupilId: string): boolean {
  return pupilRecordRoute(principal, pupilId) !== null;
}

/**
 * The rows `destinationSummary` counts over. Aggregates need no pupil-level access, so every trust
 * analyst may ask about their trust or one of its schools; staff only about their own school. A
 * school outside the analyst's trust is refused, not answered with zeros that read as "no leavers":
 * `isTrustSchool` asks the pupils subgraph, which owns schools, whether the school is the trust's.
 */
export async function summaryFilter(
  principal: Principal,
  schoolId: string | null | undefined,
  isTrustSchool: (schoolId: string, trustId: string) => Promise<boolean>,
): Promise<{ schoolId?: string; trustId?: string }> {
  const scope = scopeOf(principal);
  if (scope.kind === 'school') {
    if (schoolId && schoolId !== scope.schoolId) throw DestinationError.otherSchool();
    return { schoolId: scope.schoolId };
  }
  if (scope.kind === 'trust') {
    if (!schoolId) return { trustId: scope.trustId };
    if (!isUuid(schoolId)) throw InputError.invalid('schoolId is not a school id.');
    if (!(await isTrustSchool(schoolId, scope.trustId))) throw DestinationError.otherTrust();
    return { trustId: scope.trustId, schoolId };
  }
  throw AccessError.forbidden();
}
