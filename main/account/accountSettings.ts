import { z } from 'zod';
import { zoomCredentialsSchema, type ZoomCredentials } from '../../shared/credentials';
import { zoomEndpointsSchema, zoomPlanSchema, type ZoomEndpoints, type ZoomPlan } from '../../shared/zoomConnection';
import type { SettingsStore } from '../db/settingsStore';

const planKey = 'zoom.plan';
const endpointsKey = 'zoom.endpoints';
/** Set while the app is connected to its built-in sandbox, which gets a new port at every start. */
const builtInSandboxKey = 'zoom.builtInSandbox';
/**
 * The built-in sandbox's credentials: not secret (the sandbox prints them), so kept here and not in
 * the keychain, and trying Cadence works on a computer without one.
 */
const builtInSandboxCredentialsKey = 'zoom.builtInSandboxCredentials';
/** The `scope` string of the last token Zoom issued: not secret, and kept for the warnings after a restart. */
const grantedScopeKey = 'zoom.grantedScope';

/**
 * The account's settings that are not secret: the plan, the endpoints chosen when connecting,
 * whether they are the built-in sandbox's, and the scopes of the last token. Kept in the settings table, never in the keychain.
 */
export class AccountSettings {
  constructor(private readonly settings: SettingsStore) {}

  /** The plan whose rate limits Cadence keeps to; Pro until the planner says otherwise. */
  plan(): ZoomPlan {
    return this.settings.get(planKey, zoomPlanSchema) ?? 'pro';
  }

  setPlan(plan: ZoomPlan): void {
    this.settings.set(planKey, plan);
  }

  /** The endpoints chosen when connecting; absent for Zoom's own or the environment's. */
  endpoints(): ZoomEndpoints | undefined {
    return this.settings.get(endpointsKey, zoomEndpointsSchema);
  }

  /** Keeps the endpoints, or forgets them with `undefined`. */
  setEndpoints(endpoints: ZoomEndpoints | undefined): void {
    if (endpoints === undefined) this.settings.delete(endpointsKey);
    else this.settings.set(endpointsKey, endpoints);
  }

  /** Whether the stored connection is to the app's built-in sandbox. */
  isBuiltInSandbox(): boolean {
    return this.settings.get(builtInSandboxKey, z.literal(true)) === true;
  }

  /** The built-in sandbox's credentials while connected to it; absent otherwise. */
  builtInSandboxCredentials(): ZoomCredentials | undefined {
    return this.isBuiltInSandbox() ? this.settings.get(builtInSandboxCredentialsKey, zoomCredentialsSchema) : undefined;
  }

  /** Marks the connection as the built-in sandbox's with its credentials, or as another's with `undefined`. */
  setBuiltInSandbox(credentials: ZoomCredentials | undefined): void {
    if (credentials === undefined) {
      this.settings.delete(builtInSandboxKey);
      this.settings.delete(builtInSandboxCredentialsKey);
    } else {
      this.settings.set(builtInSandboxKey, true);
      this.settings.set(builtInSandboxCredentialsKey, credentials);
    }
  }

  /** The scopes Zoom listed in its last token answer, space-separated; absent before one. */
  grantedScope(): string | undefined {
    return this.settings.get(grantedScopeKey, z.string());
  }

  /** Keeps the scopes of a new token, or forgets them with `undefined`. */
  setGrantedScope(scope: string | undefined): void {
    if (scope === undefined) this.settings.delete(grantedScopeKey);
    else if (scope !== this.grantedScope()) this.settings.set(grantedScopeKey, scope);
  }
}
