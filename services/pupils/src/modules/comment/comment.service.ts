import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import { commentProblem } from '@waymark/domain';
import { mutationError, type MutationError } from '@waymark/subgraph-kit';
import { relationTo } from '../pupil/pupil.access.js';
import { PupilProblems } from '../pupil/pupil.errors.js';
import { PupilService } from '../pupil/pupil.service.js';
import { RecordComment } from './comment.entity.js';
import { AddRecordCommentResult, type AddRecordCommentInput } from './comment.types.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,100}$/;

function result(comment: RecordComment | null, error: MutationError | null, replayed = false): AddRecordCommentResult {
  return Object.assign(new AddRecordCommentResult(), { comment, error, replayed });
}

export class CommentService {
  constructor(private readonly em: EntityManager) {}

  /** Each pupil's comments, oldest first (a conversation), in one statement for a batch. */
  async commentsOf(pupilIds: readonly string[]): Promise<Map<string, RecordComment[]>> {
    const rows = await this.em.find(RecordComment, { pupil: { $in: [...pupilIds] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    const byPupil = new Map<string, RecordComment[]>(pupilIds.map((id) => [id, []]));
    for (const row of rows) byPupil.get(row.pupil.id)?.push(row);
    return byPupil;
  }

  /** A linked parent (where the school allows parents in) or staff of the pupil's current school. */
  async add(principal: Principal, input: AddRecordCommentInput, now = new Date()): Promise<AddRecordCommentResult> {
    const pupil = await new PupilService(this.em).findOneVisible(principal, input.pupilId);
    const relation = pupil ? relationTo(principal, pupil) : null;
    if (!pupil || (relation !== 'staff' && relation !== 'parent')) return result(null, PupilProblems.notVisible());
    // The comment form runs the same rule before sending; control characters never reach the database (it cannot store NUL).
    const message = commentProblem(input.body);
    if (message) return result(null, mutationError('COMMENT_INVALID', message, [{ field: 'body', message }]));
    const body = input.body.trim();
    const key = input.idempotencyKey ?? null;
    if (key !== null) {
      if (!IDEMPOTENCY_KEY.test(key)) {
        const message = 'Use up to 100 letters, digits, dots, colons, underscores or hyphens for the idempotency key.';
        return result(null, mutationError('IDEMPOTENCY_KEY_INVALID', message, [{ field: 'idempotencyKey', message }]));
      }
      // A retry: the first attempt may have been saved even though its answer was lost.
      const earlier = await this.em.findOne(RecordComment, { authorId: principal.accountId, idempotencyKey: key });
      if (earlier) {
        if (earlier.pupil.id === pupil.id && earlier.body === body) return result(earlier, null, true);
        const message = 'This idempotency key was already used for a different comment. Use a new key for each comment.';
        return result(null, mutationError('IDEMPOTENCY_KEY_REUSED', message, [{ field: 'idempotencyKey', message }]));
      }
    }
    const comment = this.em.create(RecordComment, {
      id: randomUUID(),
      pupil,
      schoolId: pupil.schoolId,
      trustId: pupil.trustId,
      body,
      authorId: principal.accountId,
      authorName: principal.displayName,
      authorRole: relation === 'parent' ? 'PARENT' : 'STAFF',
      createdAt: now,
      idempotencyKey: key,
    });
    await this.em.flush();
    return result(comment, null);
  }
}
