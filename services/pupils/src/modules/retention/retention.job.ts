import { randomUUID } from 'node:crypto';
import { CREDENTIAL_HEADER, SYSTEM_PRINCIPAL, type CredentialSigner, type Principal, type SubgraphName } from '@waymark/auth';
import { todayInEngland } from '@waymark/domain';
import { boundSql, queueWebhookEvent, withSystemAccess, type Orm } from '@waymark/subgraph-kit';
import { pseudonymisePupilRows } from './pseudonymise.service.js';

/** How long after leaving a leaver's personal details are kept (docs/domain-rules.md, "Retention"). */
export const RETENTION_YEARS = 3;

/** Who the job is to the other subgraphs: the system, never a person or an API key. */
export const RETENTION_PRINCIPAL: Principal = { ...SYSTEM_PRINCIPAL, accountId: 'retention', displayName: 'Waymark retention job' };

/** One subgraph's part of pseudonymising a leaver; resolves once that subgraph says it is done, throws otherwise. */
export interface RetentionTarget {
  subgraph: SubgraphName;
  pseudonymise(pupilId: string): Promise<void>;
}

const MUTATION = 'mutation Pseudonymise($pupilId: ID!) { pseudonymisePupil(pupilId: $pupilId) }';

/** Another subgraph, asked over HTTP with a system credential signed by `signer` (the gateway's key). */
export function remoteTarget(subgraph: SubgraphName, url: string, signer: CredentialSigner): RetentionTarget {
  return {
    subgraph,
    async pseudonymise(pupilId) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CREDENTIAL_HEADER]: await signer.sign(RETENTION_PRINCIPAL) },
        body: JSON.stringify({ query: MUTATION, variables: { pupilId } }),
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await response.json().catch(() => ({}))) as { data?: { pseudonymisePupil?: boolean } | null; errors?: { message: string }[] };
      if (body.data?.pseudonymisePupil !== true)
        throw new Error(`${subgraph} answered ${response.status}: ${body.errors?.map((error) => error.message).join('; ') ?? 'no answer'}`);
    },
  };
}

/** The pupils subgraph's own part, done in this process; its step is recorded in the same transaction. */
function ownTarget(orm: Orm, now: Date): RetentionTarget {
  return {
    subgraph: 'pupils',
    pseudonymise: (pupilId) =>
      withSystemAccess(orm, 'retention: pseudonymising a leaver past three years', async (em) => {
        await pseudonymisePupilRows(em, pupilId);
        await recordStep(em, pupilId, 'pupils', now);
      }),
  };
}

async function recordStep(em: Parameters<typeof boundSql>[0], pupilId: string, subgraph: string, now: Date): Promise<void> {
  await boundSql(em, 'insert into retention_step (id, pupil_id, subgraph, done_at) values ($1, $2, $3, $4) on conflict (pupil_id, subgraph) do nothing', [
    randomUUID(),
    pupilId,
    subgraph,
    now,
  ]);
}

export interface RetentionRun {
  /** Leavers whose every subgraph has now answered done (in this run). */
  pseudonymised: string[];
  /** Steps that failed this time; a later run tries them again. */
  failed: { pupilId: string; subgraph: string; error: string }[];
}

/**
 * The retention job: every leaver who left more than RETENTION_YEARS before `now` (the day in England)
 * and is not marked pseudonymised yet (`pupil.pseudonymised_at`) has each subgraph still missing asked to pseudonymise them,
 * the other subgraphs first and this one last. Each subgraph's answer is recorded as it comes
 * (retention_step), so a second run does nothing new and a run that stopped midway, or met a subgraph
 * that was down, is finished by the next. A failing step is reported and the rest go on.
 */
export async function runRetention(options: { orm: Orm; now: Date; others: readonly RetentionTarget[] }): Promise<RetentionRun> {
  const { orm, now } = options;
  const targets = [...options.others, ownTarget(orm, now)];
  const due = await withSystemAccess(orm, 'retention: leavers past three years, at every school', async (em) => {
    const { rows } = await boundSql<{ id: string; done: string[] }>(
      em,
      `select p.id, array(select s.subgraph from retention_step s where s.pupil_id = p.id) as done
       from pupil p where p.left_on < ($1::date - make_interval(years => ${RETENTION_YEARS}))::date and p.pseudonymised_at is null
       order by p.left_on, p.id`,
      [todayInEngland(now)],
    );
    return rows;
  });
  const run: RetentionRun = { pseudonymised: [], failed: [] };
  for (const pupil of due) {
    const done = new Set(pupil.done);
    for (const target of targets) {
      if (done.has(target.subgraph)) continue;
      try {
        await target.pseudonymise(pupil.id);
        if (target.subgraph !== 'pupils')
          await withSystemAccess(orm, 'retention: recording a subgraph’s answer', (em) => recordStep(em, pupil.id, target.subgraph, now));
        done.add(target.subgraph);
      } catch (error) {
        run.failed.push({ pupilId: pupil.id, subgraph: target.subgraph, error: error instanceof Error ? error.message : String(error) });
        // This subgraph's rows are not done: leave this leaver's own record (their name) for the next run.
        if (target.subgraph !== 'pupils') break;
      }
    }
    if (targets.every((target) => done.has(target.subgraph))) {
      // Marked only once every subgraph has answered done; the trust's sync then says so (PSEUDONYMISED),
      // and so do its webhooks, from an outbox row written with the mark (ids only; a school in no trust has none).
      await withSystemAccess(orm, 'retention: marking a leaver pseudonymised', async (em) => {
        const { rows } = await boundSql<{ school_id: string; trust_id: string | null }>(
          em,
          'update pupil set pseudonymised_at = $2 where id = $1 and pseudonymised_at is null returning school_id, trust_id',
          [pupil.id, now],
        );
        for (const marked of rows)
          if (marked.trust_id)
            await queueWebhookEvent(em, {
              type: 'pupil.pseudonymised',
              trustId: marked.trust_id,
              schoolId: marked.school_id,
              occurredAt: now,
              data: { pupilId: pupil.id },
            });
      });
      run.pseudonymised.push(pupil.id);
    }
  }
  return run;
}
