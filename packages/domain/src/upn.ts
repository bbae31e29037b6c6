/**
 * Unique Pupil Numbers: 13 characters, a check letter then 12 digits (LA code, establishment,
 * year of allocation, serial). The check letter is the weighted sum of characters 2–13 (weights
 * 2..13) modulo 23, looked up in the alphabet without I, O and S.
 */
const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

export function upnCheckLetter(twelveDigits: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(twelveDigits[i]) * (i + 2);
  return CHECK_LETTERS[sum % 23];
}

export function makeUpn(twelveDigits: string): string {
  return `${upnCheckLetter(twelveDigits)}${twelveDigits}`;
}

export type UpnProblem = 'length' | 'format' | 'check-letter';

export function checkUpn(value: string): UpnProblem | null {
  const upn = value.trim().toUpperCase();
  if (upn.length !== 13) return 'length';
  // The last character may be a letter in temporary UPNs; Waymark accepts permanent UPNs only.
  if (!/^[A-Z]\d{12}$/.test(upn)) return 'format';
  return upnCheckLetter(upn.slice(1)) === upn[0] ? null : 'check-letter';
}
