import keytar from 'keytar';

/**
 * The OS keychain as Cadence uses it: one secret per account name under one service. The only
 * file that knows keytar, so another keychain binding can replace it here alone.
 */
export interface Keychain {
  get(account: string): Promise<string | undefined>;
  set(account: string, secret: string): Promise<void>;
  /** True when there was something to delete. */
  delete(account: string): Promise<boolean>;
}

/** The keychain service name Cadence stores its entries under. */
export const keychainService = 'Cadence';

/**
 * The service name for this process: `Cadence`, unless CADENCE_KEYCHAIN_SERVICE names another, so
 * that a second profile (or a test run) keeps its credentials apart from the planner's own.
 */
export function keychainServiceFor(env: NodeJS.ProcessEnv): string {
  return env.CADENCE_KEYCHAIN_SERVICE || keychainService;
}

export function osKeychain(service: string = keychainService): Keychain {
  return {
    async get(account) {
      return (await keytar.getPassword(service, account)) ?? undefined;
    },
    set: (account, secret) => keytar.setPassword(service, account, secret),
    delete: (account) => keytar.deletePassword(service, account),
  };
}
