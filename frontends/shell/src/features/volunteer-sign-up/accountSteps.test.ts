import { describe, expect, it } from 'vitest';
import { findSchools, publicPageOf, readAnswer, readSchools, schoolDetails, schoolSearchSummary, tokenFromHash, type SchoolChoice } from './accountSteps';

describe('public account pages', () => {
  it('opens a public page only for its exact path', () => {
    expect(publicPageOf('/volunteer-sign-up')).toBe('volunteer-sign-up');
    expect(publicPageOf('/reset-password/')).toBe('reset-password');
    expect(publicPageOf('/')).toBeNull();
    expect(publicPageOf('/leader/verify-email')).toBeNull();
  });

  it('reads the token after # in an emailed link', () => {
    expect(tokenFromHash('#token=abc_DEF-123')).toBe('abc_DEF-123');
    expect(tokenFromHash('')).toBe('');
  });

  it('reads an answer: the message, and the first problem for each field', () => {
    expect(readAnswer(200, { message: 'Check your email.' })).toEqual({ ok: true, message: 'Check your email.', problems: {} });
    expect(
      readAnswer(400, {
        error: 'Check the answers marked below.',
        problems: [
          { field: 'email', message: 'Enter an email address.' },
          { field: 'email', message: 'A second one.' },
          { field: 7, message: 'ignored' },
        ],
      }),
    ).toEqual({ ok: false, message: 'Check the answers marked below.', problems: { email: 'Enter an email address.' } });
    expect(readAnswer(502, 'not json').message).toMatch(/not available/);
  });
});

describe("finding a former pupil's school", () => {
  const leeds: SchoolChoice = { id: 'a', name: 'Northfield Academy', localAuthority: 'Leeds', urn: '138201' };
  const cumbria: SchoolChoice = { id: 'b', name: 'Northfield Academy', localAuthority: 'Cumbria', urn: '900001' };

  it('reads the schools found, keeping only whole ones', () => {
    expect(readSchools(200, { schools: [leeds, { id: 'c', name: 'No place' }, null, cumbria] })).toEqual({ ok: true, schools: [leeds, cumbria] });
    expect(readSchools(200, { schools: [] })).toEqual({ ok: true, schools: [] });
  });

  it("reads a refusal's words, or says it is not available", () => {
    expect(readSchools(400, { error: "Enter at least 3 letters of your school's name." })).toEqual({
      ok: false,
      message: "Enter at least 3 letters of your school's name.",
    });
    expect(readSchools(502, 'not json')).toMatchObject({ ok: false, message: expect.stringMatching(/not available/) });
    expect(readSchools(200, { nothing: true })).toMatchObject({ ok: false });
  });

  it('says what was found in plain words, and tells two schools of one name apart', () => {
    expect(schoolSearchSummary([])).toBe('No school found — check the spelling, or try fewer words.');
    expect(schoolSearchSummary([leeds])).toBe('1 school found. Choose it below if it is yours.');
    expect(schoolSearchSummary([leeds, cumbria])).toBe('2 schools found. Choose yours below.');
    expect(schoolDetails(leeds)).not.toBe(schoolDetails(cumbria));
    expect(schoolDetails(leeds)).toBe('Leeds · URN 138201');
  });

  it('asks for 3 letters before searching at all', async () => {
    expect(await findSchools('  ab ')).toEqual({ ok: false, message: "Enter at least 3 letters of your school's name." });
  });
});
