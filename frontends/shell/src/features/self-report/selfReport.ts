/** The public page a leaver opens from their school's link: /where-are-you-now#token=… */
export const SELF_REPORT_PATH = 'where-are-you-now';

export function isSelfReportPath(pathname: string): boolean {
  return pathname.replace(/^\/+|\/+$/g, '') === SELF_REPORT_PATH;
}

/** What a young person can say they are doing, in their words (the destinations subgraph's spell kinds). */
export const CHOICES = [
  { value: 'EDUCATION', label: 'Studying at a sixth form, college or university' },
  { value: 'APPRENTICESHIP', label: 'An apprenticeship' },
  { value: 'EMPLOYMENT_WITH_TRAINING', label: 'A job with training (for example, a day a week at college)' },
  { value: 'EMPLOYMENT_WITHOUT_TRAINING', label: 'A job without training' },
  { value: 'NEET_AVAILABLE', label: 'Not in work or education, and looking for something' },
  { value: 'NEET_NOT_AVAILABLE', label: 'Not in work or education, and not looking right now (for example, because you are ill or caring for someone)' },
] as const;
export type Choice = (typeof CHOICES)[number]['value'] | '';

export const PLACE_KINDS = [
  { value: 'SCHOOL_SIXTH_FORM', label: 'A school sixth form' },
  { value: 'SIXTH_FORM_COLLEGE', label: 'A sixth-form college' },
  { value: 'FE_COLLEGE', label: 'A further education college' },
  { value: 'UNIVERSITY', label: 'A university' },
  { value: 'OTHER', label: 'Somewhere else' },
];

export const LEVELS = [
  { value: '2', label: 'Level 2 (intermediate, like GCSEs)' },
  { value: '3', label: 'Level 3 (advanced, like A levels)' },
  { value: '4', label: 'Level 4 (higher)' },
  { value: '5', label: 'Level 5 (higher)' },
  { value: '6', label: 'Level 6 (degree)' },
  { value: '7', label: "Level 7 (master's degree)" },
];

/** Whether a choice has a place (provider or employer) and a course or job to name. */
export function hasPlace(choice: Choice): boolean {
  return choice === 'EDUCATION' || choice === 'APPRENTICESHIP' || choice === 'EMPLOYMENT_WITH_TRAINING' || choice === 'EMPLOYMENT_WITHOUT_TRAINING';
}

/** What the gateway answered: the page's details, a message, and each problem by its field. */
export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

const UNAVAILABLE: Answer = { status: 503, body: { error: 'This is not available right now. Try again shortly.' } };

/** Sends JSON to the gateway's public self-report routes, from this page's own origin. */
export async function postSelfReport(path: 'self-report/open' | 'self-report', body: Record<string, unknown>): Promise<Answer> {
  try {
    const response = await fetch(`/public/${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    return answer && typeof answer === 'object' ? { status: response.status, body: answer } : UNAVAILABLE;
  } catch {
    return UNAVAILABLE;
  }
}

/** The problems of a refused report, by field (the first for each). */
export function problemsOf(body: Record<string, unknown>): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!Array.isArray(body.problems)) return problems;
  for (const problem of body.problems as unknown[]) {
    const { field, message } = (problem ?? {}) as Record<string, unknown>;
    if (typeof field === 'string' && typeof message === 'string' && !(field in problems)) problems[field] = message;
  }
  return problems;
}
