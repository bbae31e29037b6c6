import { describe, expect, it } from 'vitest';
import { MY_VOLUNTEER_PROFILE_QUERY } from './myVolunteerProfile';

// Safeguarding (docs/domain-rules.md): volunteers see the encounters they took part in, with counts only.
describe('MY_VOLUNTEER_PROFILE_QUERY', () => {
  it('asks for the date, school, kind and counts of each engagement', () => {
    for (const field of ['date', 'school', 'kindLabel', 'attendedCount', 'invitedCount'])
      expect(MY_VOLUNTEER_PROFILE_QUERY).toMatch(new RegExp(`\\b${field}\\b`));
  });

  it('never asks for pupils or the register', () => {
    expect(MY_VOLUNTEER_PROFILE_QUERY).not.toMatch(/\b(participations|pupil|pupils|reflection|upn|dateOfBirth|flags)\b/);
  });
});
