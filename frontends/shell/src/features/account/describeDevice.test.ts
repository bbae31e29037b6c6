import { describe, expect, it } from 'vitest';
import { describeDevice } from './components/DevicesSection';

describe('describeDevice', () => {
  it.each([
    ['no description at all', null, 'An unknown browser'],
    [
      'Edge names itself after Chrome, so it is looked for first',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Edg/130.0',
      'Edge on Windows',
    ],
    ['Chrome also says Safari', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36', 'Chrome on Linux'],
    [
      'Safari on an iPhone',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
      'Safari on iPhone or iPad',
    ],
    ['Firefox on a Mac', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:131.0) Gecko/20100101 Firefox/131.0', 'Firefox on Mac'],
    ['a script names no browser or system', 'curl/8.5.0', 'A browser'],
  ])('%s', (_reason, userAgent, expected) => {
    expect(describeDevice(userAgent)).toBe(expected);
  });
});
