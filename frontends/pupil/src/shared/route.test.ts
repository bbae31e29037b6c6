import { describe, expect, it } from 'vitest';
import { parseView, sectionTarget, viewHref, viewQuery, type PupilView } from './route';

describe('pupil views in the fragment', () => {
  it.each<[string, PupilView | null]>([
    ['', 'record'],
    ['#/', 'record'],
    ['#/progress', 'progress'],
    ['#/future', 'future'],
    ['#/journey', 'journey'],
    ['#/journey?tag=engineering&benchmark=5', 'journey'],
    ['#/?tag=x', 'record'],
    ['#/child', 'child'],
    ['#main', null],
    ['#/elsewhere', null],
  ])('%s → %s', (hash, view) => {
    expect(parseView(hash)).toBe(view);
  });

  it('round-trips every view', () => {
    for (const view of ['record', 'progress', 'journey', 'future', 'placements', 'role-models', 'child'] as const) expect(parseView(viewHref(view))).toBe(view);
  });

  it('keeps a view’s settings after the ?', () => {
    expect(viewHref('journey', '?tag=nhs')).toBe('#/journey?tag=nhs');
    expect(viewHref('child', '?benchmark=8')).toBe('#/child?benchmark=8');
    expect(viewQuery('#/journey?tag=nhs&benchmark=8').get('tag')).toBe('nhs');
    expect(viewQuery('#/journey?tag=nhs&benchmark=8').get('benchmark')).toBe('8');
    expect(viewQuery('#/journey').toString()).toBe('');
    expect(viewQuery('#main?tag=nhs').toString()).toBe('');
  });

  it('names the part of My progress a link opens at, and nothing else', () => {
    expect(sectionTarget('#/progress?section=reflections')).toBe('progress-reflections');
    expect(sectionTarget('#/progress?section=actions')).toBe('progress-actions');
    expect(sectionTarget('#/progress?section=own-activities')).toBe('progress-own-activities');
    expect(sectionTarget('#/progress?section=constructor')).toBeNull();
    expect(sectionTarget('#/progress')).toBeNull();
    expect(sectionTarget('#/journey?section=reflections')).toBeNull();
  });
});
