import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { developmentKeys } from './stack.js';

const dir = mkdtempSync(join(tmpdir(), 'waymark-stack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('development keys', () => {
  it('are created once, kept private, and reused so sessions survive a restart', () => {
    const first = developmentKeys(dir);
    expect(first.privateKeyPem).toContain('PRIVATE KEY');
    expect(statSync(join(dir, 'keys', 'credential-private.pem')).mode & 0o077).toBe(0);
    expect(developmentKeys(dir)).toEqual(first);
  });
});
