import { describe, expect, it } from 'vitest';
import { parseView, viewHref, type PupilView } from './route';

describe('pupil views in the fragment', () => {
  it.each<[string, PupilView | null]>([
    ['', 'record'],
    ['#/', 'record'],
    ['#/progress', 'progress'],
    ['#/future', 'future'],
    ['#/child', 'child'],
    ['#main', null],
    ['#/elsewhere', null],
  ])('%s → %s', (hash, view) => {
    expect(parseView(hash)).toBe(view);
  });

  it('round-trips every view', () => {
    for (const view of ['record', 'progress', 'future', 'child'] as const) expect(parseView(viewHref(view))).toBe(view);
  });
});
