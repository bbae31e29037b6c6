import { describe, expect, it } from 'vitest';
import { describeExit, formatDelay, RestartBackoff } from './restart.js';

describe('restart backoff', () => {
  it.each([
    { reason: 'a first crash waits half a second', uptimes: [1_000], waits: [500] },
    { reason: 'quick crashes double the wait each time', uptimes: [1_000, 1_000, 1_000, 1_000], waits: [500, 1_000, 2_000, 4_000] },
    {
      reason: 'the wait stops growing at half a minute',
      uptimes: Array<number>(9).fill(0),
      waits: [500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000],
    },
    { reason: 'a process that stayed up a minute starts over', uptimes: [0, 0, 0, 60_000], waits: [500, 1_000, 2_000, 500] },
    { reason: 'just under a minute up is still a crash loop', uptimes: [0, 59_999], waits: [500, 1_000] },
    { reason: 'after starting over it doubles again', uptimes: [0, 0, 120_000, 0], waits: [500, 1_000, 500, 1_000] },
  ])('$reason', ({ uptimes, waits }) => {
    const backoff = new RestartBackoff();
    expect(uptimes.map((up) => backoff.delayAfter(up))).toEqual(waits);
  });
});

describe('log wording', () => {
  it.each([
    { ms: 500, text: '0.5 s', reason: 'half a second keeps its decimal' },
    { ms: 1_000, text: '1 s', reason: 'whole seconds have none' },
    { ms: 30_000, text: '30 s', reason: 'the longest wait' },
  ])('$ms ms reads "$text": $reason', ({ ms, text }) => {
    expect(formatDelay(ms)).toBe(text);
  });

  it.each([
    { code: 1, signal: null, text: 'exit code 1', reason: 'a crash that exits with a code' },
    { code: null, signal: 'SIGKILL' as const, text: 'exit signal SIGKILL', reason: 'kill -9 leaves no code, only the signal' },
  ])('$text: $reason', ({ code, signal, text }) => {
    expect(describeExit(code, signal)).toBe(text);
  });
});
