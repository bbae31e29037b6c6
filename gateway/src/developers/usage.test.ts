import { describe, expect, it } from 'vitest';
import { UsageCounter, type KeyUsage } from './usage.js';

describe('counting API key usage between flushes', () => {
  it('adds up requests and errors per key, keeps the latest use, and starts again after a flush', async () => {
    let now = new Date('2026-03-02T10:00:00Z');
    const flushed: Map<string, KeyUsage>[] = [];
    const counter = new UsageCounter(
      async (usage) => void flushed.push(usage),
      () => now,
    );
    counter.record('a', false);
    counter.record('a', true);
    now = new Date('2026-03-02T10:00:05Z');
    counter.record('a', false);
    counter.record('b', true);
    await counter.flushNow();
    expect(Object.fromEntries(flushed[0])).toEqual({
      a: { requests: 3, errors: 1, lastUsedAt: new Date('2026-03-02T10:00:05Z') },
      b: { requests: 1, errors: 1, lastUsedAt: new Date('2026-03-02T10:00:05Z') },
    });
    await counter.flushNow();
    expect(flushed).toHaveLength(1);
  });

  it('keeps the counts of a flush that failed for the next one, added to what came since', async () => {
    const now = new Date('2026-03-02T10:00:00Z');
    let fail = true;
    const flushed: Map<string, KeyUsage>[] = [];
    const counter = new UsageCounter(
      async (usage) => {
        if (fail) throw new Error('identity is down');
        flushed.push(usage);
      },
      () => now,
    );
    counter.record('a', true);
    await expect(counter.flushNow()).rejects.toThrow('identity is down');
    counter.record('a', false);
    fail = false;
    await counter.stop();
    expect(Object.fromEntries(flushed[0])).toEqual({ a: { requests: 2, errors: 1, lastUsedAt: now } });
  });
});
