import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, newTotpSecret, otpauthUri, totp, totpStep } from './totp.js';

// The shared secret of RFC 4226 and RFC 6238's SHA-1 test vectors: the ASCII of "12345678901234567890".
const RFC_KEY = Buffer.from('12345678901234567890', 'ascii');

describe('HOTP and TOTP', () => {
  it("gives RFC 4226 appendix D's codes for counters 0 to 9", () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(expected.map((_, counter) => hotp(RFC_KEY, counter))).toEqual(expected);
  });

  it("gives RFC 6238 appendix B's eight-digit SHA-1 codes", () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, code] of vectors) expect(totp(RFC_KEY, new Date(seconds * 1000), 8), String(seconds)).toBe(code);
  });

  it('round-trips base32 as RFC 4648 writes it', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('mzxw 6ytb oi======')?.toString()).toBe('foobar');
    expect(base32Decode('not base32!')).toBeNull();
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(secret)!)).toBe(secret);
  });
});

describe('matchTotp', () => {
  const secret = base32Encode(RFC_KEY);
  const at = new Date(1234567890 * 1000);
  const codeAt = (offsetSteps: number) => totp(RFC_KEY, new Date(at.getTime() + offsetSteps * 30_000));

  it('takes the code of this step or one either side, and no other', () => {
    expect(matchTotp(secret, codeAt(0), at, null)).toBe(totpStep(at));
    expect(matchTotp(secret, codeAt(-1), at, null)).toBe(totpStep(at) - 1);
    expect(matchTotp(secret, ` ${codeAt(1).slice(0, 3)} ${codeAt(1).slice(3)} `, at, null)).toBe(totpStep(at) + 1);
    expect(matchTotp(secret, codeAt(2), at, null)).toBeNull();
    expect(matchTotp(secret, codeAt(-2), at, null)).toBeNull();
    expect(matchTotp(secret, 'abcdef', at, null)).toBeNull();
    expect(matchTotp(secret, '12345', at, null)).toBeNull();
  });

  it('never takes a code twice, nor one older than the last used', () => {
    const step = matchTotp(secret, codeAt(0), at, null)!;
    expect(matchTotp(secret, codeAt(0), at, step)).toBeNull();
    expect(matchTotp(secret, codeAt(-1), at, step)).toBeNull();
    expect(matchTotp(secret, codeAt(1), at, step)).toBe(step + 1);
  });

  it('writes the otpauth address authenticator apps read', () => {
    expect(otpauthUri('JBSWY3DPEHPK3PXP', 'leader@northfield.test')).toBe(
      'otpauth://totp/Waymark:leader%40northfield.test?secret=JBSWY3DPEHPK3PXP&issuer=Waymark&algorithm=SHA1&digits=6&period=30',
    );
  });
});
