import { describe, expect, it } from 'vitest';
import { entryUrl, toFederationName } from './remoteRegistry';

describe('toFederationName', () => {
  it('turns folder names into container names', () => {
    expect(toFederationName('careers-leader')).toBe('careers_leader');
    expect(toFederationName('pupil')).toBe('pupil');
  });
});

describe('entryUrl', () => {
  it('makes the entry absolute and versions it per page load', () => {
    expect(entryUrl('/remotes/pupil/remoteEntry.js', 'http://localhost:4000/my-record', 'abc')).toBe(
      'http://localhost:4000/remotes/pupil/remoteEntry.js?v=abc',
    );
  });

  it('keeps a version remotes.json already gives', () => {
    expect(entryUrl('/remotes/pupil/remoteEntry.js?build=7', 'http://localhost:4000/', 'abc')).toBe(
      'http://localhost:4000/remotes/pupil/remoteEntry.js?build=7',
    );
  });
});
