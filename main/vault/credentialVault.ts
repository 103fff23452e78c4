import { zoomCredentialsSchema, type CredentialSource, type ZoomCredentials } from '../../shared/credentials';
import { CadenceError } from '../../shared/errors';
import { issuesFromZod } from '../../shared/ipc/envelope';
import type { Keychain } from './keychain';

/** The keychain entry that holds the credentials, as one JSON value so that a save is one write. */
const entry = 'zoom-server-to-server';
const environmentNames = ['ZOOM_ACCOUNT_ID', 'ZOOM_CLIENT_ID', 'ZOOM_CLIENT_SECRET'] as const;

/** Credentials with where they came from. */
export interface StoredCredentials {
  credentials: ZoomCredentials;
  source: CredentialSource;
}

/** Save, read, replace and forget Zoom credentials; the environment overrides the keychain. */
export interface CredentialVault {
  read(): Promise<StoredCredentials | undefined>;
  save(credentials: ZoomCredentials): Promise<void>;
  /** True when the keychain held credentials. */
  forget(): Promise<boolean>;
}

/**
 * Credentials from ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET, used as given and never
 * written anywhere. Undefined when none is set; an error naming the missing ones when only some are.
 */
export function environmentCredentials(env: NodeJS.ProcessEnv): ZoomCredentials | undefined {
  const present = environmentNames.filter((name) => (env[name] ?? '') !== '');
  if (present.length === 0) return undefined;
  const missing = environmentNames.filter((name) => !present.includes(name));
  if (missing.length > 0) {
    throw new CadenceError(
      'invalid_input',
      `Set all three of ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET, or none; ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing.`,
      missing.map((name) => ({ path: name, message: 'Not set.' })),
    );
  }
  const parsed = zoomCredentialsSchema.safeParse({
    account_id: env.ZOOM_ACCOUNT_ID,
    client_id: env.ZOOM_CLIENT_ID,
    client_secret: env.ZOOM_CLIENT_SECRET,
  });
  if (!parsed.success) {
    throw new CadenceError(
      'invalid_input',
      'The Zoom credentials in the environment are not valid.',
      issuesFromZod(parsed.error),
    );
  }
  return parsed.data;
}

/** The message for a keychain that cannot be reached; the cause goes in brackets. */
function keychainUnavailable(error: unknown): CadenceError {
  const cause = error instanceof Error ? error.message : String(error);
  const advice =
    process.platform === 'linux'
      ? 'On Linux, Cadence needs a Secret Service: install and unlock gnome-keyring or KeePassXC with its Secret Service enabled (Debian and Ubuntu: "sudo apt-get install gnome-keyring").'
      : 'Unlock the system keychain and try again.';
  return new CadenceError(
    'unavailable',
    `Cadence cannot reach the system keychain (${cause}). ${advice} For an unattended run, set ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET instead. Cadence never stores the client secret in a file.`,
  );
}

/**
 * How long a keychain call may take. A locked keychain can wait for its password without end;
 * Cadence says so instead, and Settings never waits on it.
 */
export const keychainTimeoutMs = 10_000;

function viaKeychainWithin(timeoutMs: number) {
  return async <T>(work: () => Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const silence = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(
          new Error(
            `it did not answer within ${String(Math.round(timeoutMs / 1000))} seconds; it may be locked and waiting for its password`,
          ),
        );
      }, timeoutMs);
    });
    try {
      return await Promise.race([work(), silence]);
    } catch (error) {
      throw keychainUnavailable(error);
    } finally {
      clearTimeout(timer);
    }
  };
}

export function createCredentialVault(
  keychain: Keychain,
  env: NodeJS.ProcessEnv = process.env,
  options: { timeoutMs?: number } = {},
): CredentialVault {
  const viaKeychain = viaKeychainWithin(options.timeoutMs ?? keychainTimeoutMs);
  return {
    async read() {
      const fromEnvironment = environmentCredentials(env);
      if (fromEnvironment !== undefined) return { credentials: fromEnvironment, source: 'environment' };
      const stored = await viaKeychain(() => keychain.get(entry));
      if (stored === undefined) return undefined;
      let value: unknown;
      try {
        value = JSON.parse(stored);
      } catch {
        value = undefined;
      }
      const parsed = zoomCredentialsSchema.safeParse(value);
      if (!parsed.success) {
        throw new CadenceError(
          'unavailable',
          `The Zoom credentials in the system keychain (service "Cadence") are unreadable. Connect again to replace them.`,
        );
      }
      return { credentials: parsed.data, source: 'keychain' };
    },
    async save(credentials) {
      const valid = zoomCredentialsSchema.safeParse(credentials);
      if (!valid.success) {
        throw new CadenceError('invalid_input', 'The Zoom credentials are not complete.', issuesFromZod(valid.error));
      }
      await viaKeychain(() => keychain.set(entry, JSON.stringify(valid.data)));
    },
    forget() {
      return viaKeychain(() => keychain.delete(entry));
    },
  };
}
