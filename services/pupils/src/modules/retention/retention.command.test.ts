import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { generateCredentialKeys } from '@waymark/auth';
import { pupilsService } from '../../app.js';
import { loadEnv, loadRetentionEnv } from '../../env.js';
import { runRetentionCommand } from './retention.command.js';

describe('the retention command', () => {
  const env = loadEnv({ WAYMARK_CREDENTIAL_PUBLIC_KEY: generateCredentialKeys().publicKeyPem });
  const settingsWith = (privateKeyPem: string) => ({ ...loadRetentionEnv({}), privateKeyPem });

  it.each([
    ['no key', ''],
    ['a PEM that only looks like a key', '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----'],
    ['a key of another kind', generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()],
  ])('refuses %s as bad settings (exit 2) before touching the database', async (_, pem) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(runRetentionCommand(pupilsService, env, settingsWith(pem), undefined)).resolves.toBe(2);
      expect(error).toHaveBeenCalledWith(expect.stringContaining('WAYMARK_CREDENTIAL_PRIVATE_KEY'));
    } finally {
      error.mockRestore();
    }
  });
});
