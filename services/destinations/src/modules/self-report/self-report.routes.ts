import type { IncomingMessage, ServerResponse } from 'node:http';
import { CREDENTIAL_HEADER, type CredentialVerifier } from '@waymark/auth';
import { problemList } from '@waymark/domain';
import { sendJson, withSystemAccess, type Orm, type SubgraphServerOptions } from '@waymark/subgraph-kit';
import { SelfReportService } from './self-report.service.js';

/** One message for a token that is unknown, used, replaced or expired: it never says which. */
export const LINK_NOT_VALID =
  'This link does not work. It may be old or already used. Ask your school for a new link if you still want to tell them what you are doing.';
const REPORT_SAVED = 'Thank you. Your school has your answer and will check it with you if they need to.';

const PATHS = { open: '/internal/self-report/open', submit: '/internal/self-report/submit' } as const;

function parseBody(raw: string): Record<string, unknown> | null {
  try {
    const body: unknown = JSON.parse(raw);
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The public side of self-reports, for the gateway alone (its system credential), which passes on
 * what the leaver's browser sent to /public/self-report/*:
 *   POST /internal/self-report/open { token }    → 200 { schoolName, firstName } | 404 { error }
 *   POST /internal/self-report/submit { token, activity, providerKind, apprenticeshipLevel, provider, course, startsOn }
 *                                                → 200 { message } | 400 { error, problems } | 404 { error }
 * Nobody is signed in, so each runs in a named system access; what it reads is found by the token's hash alone.
 * `clock` is the time the links are judged by (tests move it).
 */
export function selfReportRoutes(orm: Orm, clock: () => Date = () => new Date()): NonNullable<SubgraphServerOptions['routes']> {
  return async (req: IncomingMessage, res: ServerResponse, raw: string, verifier: CredentialVerifier): Promise<boolean> => {
    const { pathname } = new URL(req.url ?? '/', 'http://destinations');
    if (pathname !== PATHS.open && pathname !== PATHS.submit) return false;
    const verified = await verifier.verify(req.headers[CREDENTIAL_HEADER] as string | undefined);
    if (!verified.ok || verified.principal.kind !== 'system') {
      sendJson(res, 401, { error: 'This route only answers the Waymark gateway.' });
      return true;
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      sendJson(res, 405, { error: 'Use POST.' });
      return true;
    }
    const body = parseBody(raw);
    if (!body) {
      sendJson(res, 400, { error: 'Body is not a JSON object.' });
      return true;
    }
    const now = clock();
    if (pathname === PATHS.open) {
      const opened = await withSystemAccess(orm, 'destinations self-report open: the one link whose token hash matches', (em) =>
        new SelfReportService(em).open(body.token, now),
      );
      sendJson(res, opened ? 200 : 404, opened ?? { error: LINK_NOT_VALID });
      return true;
    }
    const outcome = await withSystemAccess(orm, 'destinations self-report submit: the one link whose token hash matches', (em) =>
      new SelfReportService(em).submit(body.token, body, now),
    );
    if (outcome.kind === 'saved') sendJson(res, 200, { message: REPORT_SAVED });
    else if (outcome.kind === 'invalid')
      sendJson(res, 400, { error: 'Some answers need changing before you send them. Nothing was sent yet.', problems: problemList(outcome.problems) });
    else sendJson(res, 404, { error: LINK_NOT_VALID });
    return true;
  };
}
