export type DeleteAnswer = { ok: true; message: string } | { ok: false; message: string; field: 'password' | null };

const UNAVAILABLE = 'Deleting your account is not available right now. Try again shortly.';
export const ENTER_PASSWORD = 'Enter your password to confirm.';

/** Reads the gateway's answer to POST /auth/delete-account: `{ message }` once deleted, `{ error }` otherwise. */
export function readDeleteAnswer(status: number, body: unknown): DeleteAnswer {
  const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  if (status === 200) return { ok: true, message: typeof record.message === 'string' ? record.message : 'Your Waymark account has been deleted.' };
  const message = typeof record.error === 'string' ? record.error : UNAVAILABLE;
  // A wrong or missing password is the field's problem; the rest (not a volunteer, slowed down, signed out) is the form's.
  return { ok: false, message, field: status === 400 || (status === 401 && /password/i.test(message)) ? 'password' : null };
}

/** Asks the gateway to delete the signed-in volunteer's account, confirmed with their password. */
export async function deleteMyAccount(password: string): Promise<DeleteAnswer> {
  if (!password) return { ok: false, message: ENTER_PASSWORD, field: 'password' };
  try {
    const response = await fetch('/auth/delete-account', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password }),
    });
    return readDeleteAnswer(response.status, await response.json().catch(() => null));
  } catch {
    return { ok: false, message: UNAVAILABLE, field: null };
  }
}
