import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCredentialVault, keychainTimeoutMs } from '../../../../main/vault/credentialVault';
import type { Keychain } from '../../../../main/vault/keychain';

// A keychain that never answers (a locked one waiting for its password): the vault gives up with a message.
const silentKeychain: Keychain = {
  get: () => new Promise(() => undefined),
  set: () => new Promise(() => undefined),
  delete: () => new Promise(() => undefined),
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('credential vault with a keychain that never answers', () => {
  it.each([
    ['reading', () => createCredentialVault(silentKeychain, {}).read()],
    [
      'saving',
      () => createCredentialVault(silentKeychain, {}).save({ account_id: 'a', client_id: 'c', client_secret: 's' }),
    ],
    ['forgetting', () => createCredentialVault(silentKeychain, {}).forget()],
  ])('stops %s after the time limit, saying the keychain may be locked', async (_, call) => {
    const outcome = call().then(
      () => 'answered',
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(keychainTimeoutMs - 1);
    expect(await Promise.race([outcome, Promise.resolve('still waiting')])).toBe('still waiting');
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining(
        'Cadence cannot reach the system keychain (it did not answer within 10 seconds; it may be locked and waiting for its password)',
      ) as string,
    });
  });

  it('never asks the keychain when the environment gives the credentials', async () => {
    const env = { ZOOM_ACCOUNT_ID: 'a', ZOOM_CLIENT_ID: 'c', ZOOM_CLIENT_SECRET: 's' };
    await expect(createCredentialVault(silentKeychain, env).read()).resolves.toMatchObject({ source: 'environment' });
  });
});
