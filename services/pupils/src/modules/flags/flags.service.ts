import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import { VULNERABLE_GROUP_CODES, vulnerableGroupOfCode } from '@waymark/domain';
import type { MutationError } from '@waymark/subgraph-kit';
import { relationTo } from '../pupil/pupil.access.js';
import { Pupil } from '../pupil/pupil.entity.js';
import { PupilProblems } from '../pupil/pupil.errors.js';
import { PupilService } from '../pupil/pupil.service.js';
import { RosterImport } from '../roster-import/roster-import.entity.js';
import { IMPORTED_FLAGS } from '../roster-import/roster-plan.js';
import { FlagChange } from './flag-change.entity.js';
import { SetPupilFlagsResult, type SetPupilFlagsInput } from './flags.inputs.js';

function result(pupil: Pupil | null, error: MutationError | null): SetPupilFlagsResult {
  return Object.assign(new SetPupilFlagsResult(), { pupil, error });
}

export class FlagService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Each pupil's flag changes, newest first, for a batch of pupils. A pupil a roster import added
   * starts with the flags the import gave them, shown as changes the import made when it was
   * committed (their row keeps those starting values; FlagChange rows are the changes since).
   */
  async historyOf(pupilIds: readonly string[]): Promise<Map<string, FlagChange[]>> {
    const ids = [...pupilIds];
    const rows = await this.em.find(FlagChange, { pupil: { $in: ids } }, { orderBy: { changedAt: 'desc', id: 'asc' } });
    const byPupil = new Map<string, FlagChange[]>(ids.map((id) => [id, []]));
    for (const row of rows) byPupil.get(row.pupil.id)?.push(row);

    const imported = await this.em.find(Pupil, { id: { $in: ids }, baselineFlags: { $gt: 0 }, baselineImportId: { $ne: null } });
    if (imported.length === 0) return byPupil;
    const imports = await this.em.find(RosterImport, { id: { $in: [...new Set(imported.map((pupil) => pupil.baselineImportId!))] } });
    const importsById = new Map(imports.map((rosterImport) => [rosterImport.id, rosterImport]));
    for (const pupil of imported) {
      const rosterImport = importsById.get(pupil.baselineImportId!);
      const history = byPupil.get(pupil.id);
      if (!rosterImport?.commitStartedAt || !history) continue;
      const changedAt = rosterImport.commitStartedAt;
      const start = IMPORTED_FLAGS.flatMap((flag, i) =>
        pupil.baselineFlags! & (1 << i)
          ? [
              Object.assign(new FlagChange(), {
                pupil,
                schoolId: rosterImport.schoolId,
                trustId: rosterImport.trustId,
                group: VULNERABLE_GROUP_CODES[flag],
                value: true,
                changedAt,
                source: 'IMPORT' as const,
                changedById: rosterImport.committedById,
                changedBy: rosterImport.committedByName,
              }),
            ]
          : [],
      );
      // Newest first: the starting values go after every change made since.
      const at = history.findIndex((change) => change.changedAt.getTime() < changedAt.getTime());
      history.splice(at === -1 ? history.length : at, 0, ...start);
    }
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
