import { describe, expect, it } from 'vitest';
import { ENTER_PASSWORD, deleteMyAccount, readDeleteAnswer } from './deleteAccount';

describe('reading the answer to deleting an account', () => {
  it('is done on 200 with the gateway’s message', () => {
    expect(readDeleteAnswer(200, { message: 'Deleted.' })).toEqual({ ok: true, message: 'Deleted.' });
  });

  it('puts a wrong or missing password on the field, anything else on the form', () => {
    expect(readDeleteAnswer(401, { error: 'Your password is not right.' })).toEqual({ ok: false, message: 'Your password is not right.', field: 'password' });
    expect(readDeleteAnswer(400, { error: ENTER_PASSWORD })).toMatchObject({ field: 'password' });
    expect(readDeleteAnswer(401, { error: 'Your session has ended. Sign in again.' })).toMatchObject({ field: null });
    expect(readDeleteAnswer(403, { error: 'Only a volunteer can delete their own account here.' })).toMatchObject({ field: null });
    expect(readDeleteAnswer(502, null)).toMatchObject({ ok: false, field: null, message: expect.stringMatching(/not available/) });
  });

  it('asks for the password before sending anything', async () => {
    await expect(deleteMyAccount('')).resolves.toEqual({ ok: false, message: ENTER_PASSWORD, field: 'password' });
  });
});
