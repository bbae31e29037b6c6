/** The public pages a signed-out person can open from a link (an email's, or the sign-in page's). */
export const PUBLIC_PAGES = ['volunteer-sign-up', 'verify-email', 'forgot-password', 'reset-password'] as const;
export type PublicPage = (typeof PUBLIC_PAGES)[number];

/** Which public page a path opens, or null for the rest of the app. */
export function publicPageOf(pathname: string): PublicPage | null {
  const name = pathname.replace(/^\/+|\/+$/g, '');
  return (PUBLIC_PAGES as readonly string[]).includes(name) ? (name as PublicPage) : null;
}

/** The token in an emailed link: after `#token=`, so it never reaches a server log. */
export function tokenFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}

/** What the gateway answered a step: its message, and each problem by the field it is about. */
export interface StepAnswer {
  ok: boolean;
  message: string;
  problems: Record<string, string>;
}

const UNAVAILABLE = 'This is not available right now. Try again shortly.';

/** Reads a step's answer: `{ message }` when it worked, `{ error, problems? }` when not. */
export function readAnswer(status: number, body: unknown): StepAnswer {
  const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const problems: Record<string, string> = {};
  if (Array.isArray(record.problems)) {
    for (const problem of record.problems as unknown[]) {
      const { field, message } = (problem ?? {}) as Record<string, unknown>;
      if (typeof field === 'string' && typeof message === 'string' && !(field in problems)) problems[field] = message;
    }
  }
  const ok = status >= 200 && status < 300;
  const text = ok ? record.message : record.error;
  return { ok, message: typeof text === 'string' ? text : UNAVAILABLE, problems };
}

/** Sends one step to the gateway as JSON, from this page's own origin (the gateway takes nothing else). */
export async function postAccountStep(
  path: 'sign-up' | 'verify-email' | 'forgot-password' | 'reset-password',
  body: Record<string, string>,
): Promise<StepAnswer> {
  try {
    const response = await fetch(`/auth/${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return readAnswer(response.status, await response.json().catch(() => null));
  } catch {
    return { ok: false, message: UNAVAILABLE, problems: {} };
  }
}

/** A school in Waymark's list, as the sign-up form's search gives it (all public). */
export interface SchoolChoice {
  id: string;
  name: string;
  localAuthority: string;
  urn: string;
}

const MIN_SCHOOL_SEARCH = 3;
const NO_SCHOOL_FOUND = 'No school found — check the spelling, or try fewer words.';
const SEARCH_UNAVAILABLE = 'Searching for schools is not available right now. Try again shortly.';

export type SchoolSearch = { ok: true; schools: SchoolChoice[] } | { ok: false; message: string };

/** Reads the gateway's answer to a school search: `{ schools }`, or `{ error }`. */
export function readSchools(status: number, body: unknown): SchoolSearch {
  const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  if (status === 200 && Array.isArray(record.schools)) {
    const schools = (record.schools as unknown[]).filter(
      (school): school is SchoolChoice =>
        !!school &&
        typeof school === 'object' &&
        ['id', 'name', 'localAuthority', 'urn'].every((key) => typeof (school as Record<string, unknown>)[key] === 'string'),
    );
    return { ok: true, schools };
  }
  return { ok: false, message: typeof record.error === 'string' ? record.error : SEARCH_UNAVAILABLE };
}

/** What a search found, in words for the live region. */
export function schoolSearchSummary(schools: readonly SchoolChoice[]): string {
  if (schools.length === 0) return NO_SCHOOL_FOUND;
  if (schools.length === 1) return '1 school found. Choose it below if it is yours.';
  return `${schools.length} schools found. Choose yours below.`;
}

/** What tells apart two schools of the same name: where they are and their official number. */
export function schoolDetails(school: SchoolChoice): string {
  return `${school.localAuthority} · URN ${school.urn}`;
}

/** Asks the gateway for schools whose name contains `query` (it answers at most 10). */
export async function findSchools(query: string): Promise<SchoolSearch> {
  if (query.trim().length < MIN_SCHOOL_SEARCH) return { ok: false, message: `Enter at least ${MIN_SCHOOL_SEARCH} letters of your school's name.` };
  try {
    const response = await fetch('/auth/find-school', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return readSchools(response.status, await response.json().catch(() => null));
  } catch {
    return { ok: false, message: SEARCH_UNAVAILABLE };
  }
}
