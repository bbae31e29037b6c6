import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import { vulnerableGroupOfCode } from '@waymark/domain';
import type { MutationError } from '@waymark/subgraph-kit';
import { relationTo } from '../pupil/pupil.access.js';
import type { Pupil } from '../pupil/pupil.entity.js';
import { PupilProblems } from '../pupil/pupil.errors.js';
import { PupilService } from '../pupil/pupil.service.js';
import { FlagChange } from './flag-change.entity.js';
import { SetPupilFlagsResult, type SetPupilFlagsInput } from './flags.inputs.js';

function result(pupil: Pupil | null, error: MutationError | null): SetPupilFlagsResult {
  return Object.assign(new SetPupilFlagsResult(), { pupil, error });
}

export class FlagService {
  constructor(private readonly em: EntityManager) {}

  /** Each pupil's flag changes, newest first, in one statement for a batch. */
  async historyOf(pupilIds: readonly string[]): Promise<Map<string, FlagChange[]>> {
    const rows = await this.em.find(FlagChange, { pupil: { $in: [...pupilIds] } }, { orderBy: { changedAt: 'desc', id: 'asc' } });
    const byPupil = new Map<string, FlagChange[]>(pupilIds.map((id) => [id, []]));
    for (const row of rows) byPupil.get(row.pupil.id)?.push(row);
    return byPupil;
  }

  /** Staff of the pupil's current school set flags; each real change is kept in the history. */
  async setFlags(principal: Principal, input: SetPupilFlagsInput, now = new Date()): Promise<SetPupilFlagsResult> {
    const pupil = await new PupilService(this.em).findOneVisible(principal, input.pupilId);
    if (!pupil || relationTo(principal, pupil) !== 'staff') return result(null, PupilProblems.notVisible());
    if (input.flags.length === 0) return result(null, PupilProblems.flagsInvalid('Choose at least one group to set.'));
    const groups = input.flags.map((flag) => flag.group);
    if (new Set(groups).size !== groups.length) return result(null, PupilProblems.flagsInvalid('Set each group once.'));
    for (const { group, value } of input.flags) {
      const flag = vulnerableGroupOfCode(group)!;
      if (pupil[flag] === value) continue;
      pupil[flag] = value;
      this.em.create(FlagChange, {
        id: randomUUID(),
        pupil,
        schoolId: pupil.schoolId,
        trustId: pupil.trustId,
        group,
        value,
        changedAt: now,
        source: 'STAFF',
        changedById: principal.accountId,
        changedBy: principal.displayName,
      });
    }
    await this.em.flush();
    return result(pupil, null);
  }
}
