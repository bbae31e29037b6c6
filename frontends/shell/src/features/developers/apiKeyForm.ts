/** The scopes a trust analyst can give a key, in plain words (the catalogue is packages/auth/src/api-scopes.ts). */
export const SCOPE_CHOICES = [
  { scope: 'reports:read', label: 'Read reports', hint: "The trust's schools, benchmark figures, encounters and destinations. Never a pupil's record." },
  {
    scope: 'destinations:read',
    label: 'Read the local authority return',
    hint: "Each Year 11 and Year 12 pupil's plan and September offer, by pupil id, never a name. Pupils who opted out of sharing are left out.",
  },
  { scope: 'roster:write', label: 'Update rosters', hint: "Check and import each school's roster from your management information system." },
] as const;

export interface ApiKeyFormProblem {
  field: 'name' | 'scopes';
  message: string;
}

/** What is wrong with a new key's name and scopes before it is sent; identity checks again. */
export function apiKeyFormProblems(name: string, scopes: readonly string[]): ApiKeyFormProblem[] {
  const problems: ApiKeyFormProblem[] = [];
  const trimmed = name.trim();
  if (!trimmed) problems.push({ field: 'name', message: 'Give the key a name, such as the system that will use it.' });
  else if (trimmed.length > 100) problems.push({ field: 'name', message: 'Keep the name to 100 characters.' });
  if (scopes.length === 0) problems.push({ field: 'scopes', message: 'Choose what the key may do.' });
  return problems;
}

/** "3 of 120 (2.5%)": the errors among a key's requests, for the usage table. */
export function errorShare(errors: number, requests: number): string {
  if (requests === 0) return 'None yet';
  const percent = (errors / requests) * 100;
  const rounded = percent > 0 && percent < 0.1 ? '<0.1' : percent.toFixed(percent >= 10 || percent === 0 ? 0 : 1);
  return `${errors.toLocaleString('en-GB')} (${rounded}%)`;
}
