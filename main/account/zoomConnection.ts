import type { ZoomCredentials } from '../../shared/credentials';
import { CadenceError } from '../../shared/errors';
import { issuesFromZod } from '../../shared/ipc/envelope';
import {
  connectInputSchema,
  type ConnectionStatus,
  type ConnectionTest,
  type HubSummary,
  type ZoomPlan,
} from '../../shared/zoomConnection';
import { defaultZoomUrls, type ZoomUrls } from '../config/zoomUrls';
import type { SettingsStore } from '../db/settingsStore';
import { environmentCredentials, type CredentialVault, type StoredCredentials } from '../vault/credentialVault';
import type { AccessToken } from '../zoom/tokenProvider';
import { createZoomClient, type ZoomClient } from '../zoom/zoomClient';
import { AccountSettings } from './accountSettings';
import { scopeWarnings } from './scopeWarnings';

/** What the connection is made of: the keychain, the settings table, and for tests the environment and clock. */
export interface ZoomConnectionOptions {
  vault: CredentialVault;
  settings: SettingsStore;
  env?: NodeJS.ProcessEnv;
  clock?: () => number;
  /** Told after each API request whether Zoom answered at all. */
  onReachability?: (isReachable: boolean) => void;
}

/**
 * The account Cadence talks to: connecting (check, then keep the credentials in the keychain),
 * the plan, the endpoints, and the one Zoom client everything shares.
 */
export class ZoomConnection {
  private client: ZoomClient | undefined;
  private readonly env: NodeJS.ProcessEnv;
  private readonly clock: () => number;
  private readonly settings: AccountSettings;

  constructor(private readonly options: ZoomConnectionOptions) {
    this.env = options.env ?? process.env;
    this.clock = options.clock ?? Date.now;
    this.settings = new AccountSettings(options.settings);
  }

  /** The plan whose rate limits Cadence keeps to. */
  plan(): ZoomPlan {
    return this.settings.plan();
  }

  setPlan(plan: ZoomPlan): void {
    this.settings.setPlan(plan);
  }

  /**
   * The endpoints in use: those chosen when connecting (kept in the settings), else
   * CADENCE_ZOOM_API_URL / CADENCE_ZOOM_OAUTH_URL, else Zoom's own.
   */
  urls(): ZoomUrls & { isFromEnvironment: boolean } {
    const stored = this.settings.endpoints();
    if (stored !== undefined) return { apiUrl: stored.api_url, oauthUrl: stored.oauth_url, isFromEnvironment: false };
    return this.environmentUrls();
  }

  private environmentUrls(): ZoomUrls & { isFromEnvironment: boolean } {
    const apiFromEnv = this.env.CADENCE_ZOOM_API_URL;
    const oauthFromEnv = this.env.CADENCE_ZOOM_OAUTH_URL;
    return {
      apiUrl: apiFromEnv || defaultZoomUrls.apiUrl,
      oauthUrl: oauthFromEnv || defaultZoomUrls.oauthUrl,
      isFromEnvironment: Boolean(apiFromEnv || oauthFromEnv),
    };
  }

  /**
   * The connection as the app shows it; never the secret. A keychain that cannot be read is no
   * failure here: the status says why, so the planner can still connect another way.
   */
  async status(): Promise<ConnectionStatus> {
    let stored: StoredCredentials | undefined;
    let keychainProblem: string | null = null;
    try {
      stored = await this.stored();
    } catch (error) {
      if (!(error instanceof CadenceError && error.code === 'unavailable')) throw error;
      keychainProblem = error.message;
    }
    const urls = this.urls();
    return {
      isConnected: stored !== undefined,
      source: stored?.source ?? null,
      accountId: stored?.credentials.account_id ?? null,
      plan: this.plan(),
      apiUrl: urls.apiUrl,
      oauthUrl: urls.oauthUrl,
      isEndpointFromEnvironment: urls.isFromEnvironment,
      scopeWarnings: stored === undefined ? [] : scopeWarnings(this.settings.grantedScope() ?? ''),
      keychainProblem,
    };
  }

  /**
   * Checks the credentials with Zoom (a token, then the hub list) and only then keeps them in
   * the keychain, with the endpoints and plan. Nothing is kept when Zoom refuses.
   */
  async connect(input: unknown): Promise<{ hubs: HubSummary[]; status: ConnectionStatus }> {
    const parsed = connectInputSchema.safeParse(input);
    if (!parsed.success) {
      throw new CadenceError('invalid_input', 'The connection details have a problem.', issuesFromZod(parsed.error));
    }
    const { api_url, oauth_url, plan, ...credentials } = parsed.data;
    if ((api_url === undefined) !== (oauth_url === undefined)) {
      throw new CadenceError('invalid_input', 'Give both the API address and the OAuth address, or neither.', [
        { path: api_url === undefined ? 'api_url' : 'oauth_url', message: 'Required with the other address.' },
      ]);
    }
    const urls: ZoomUrls =
      api_url !== undefined && oauth_url !== undefined
        ? { apiUrl: api_url, oauthUrl: oauth_url }
        : this.environmentUrls();
    const { hubs, grantedScope } = await this.check(urls, credentials, plan ?? this.plan());
    await this.options.vault.save(credentials);
    this.settings.setEndpoints(api_url !== undefined && oauth_url !== undefined ? { api_url, oauth_url } : undefined);
    if (plan !== undefined) this.setPlan(plan);
    this.settings.setBuiltInSandbox(undefined);
    this.settings.setGrantedScope(grantedScope);
    await this.reset();
    return { hubs, status: await this.status() };
  }

  /**
   * Connects to the app's built-in sandbox. Its credentials are not secret, so they are kept in the
   * settings and no keychain is needed; credentials of another account the keychain held are removed,
   * as any new connection replaces the last.
   */
  async connectBuiltInSandbox(sandbox: {
    credentials: ZoomCredentials;
    apiUrl: string;
    oauthUrl: string;
  }): Promise<{ hubs: HubSummary[]; status: ConnectionStatus }> {
    const urls = { apiUrl: sandbox.apiUrl, oauthUrl: sandbox.oauthUrl };
    const { hubs, grantedScope } = await this.check(urls, sandbox.credentials, this.plan());
    await this.forgetKeychainIfReachable();
    this.settings.setEndpoints({ api_url: urls.apiUrl, oauth_url: urls.oauthUrl });
    this.settings.setBuiltInSandbox(sandbox.credentials);
    this.settings.setGrantedScope(grantedScope);
    await this.reset();
    return { hubs, status: await this.status() };
  }

  /** A token and the hub list from a client made for these credentials alone. */
  private async check(
    urls: ZoomUrls,
    credentials: ZoomCredentials,
    plan: ZoomPlan,
  ): Promise<{ hubs: HubSummary[]; grantedScope: string }> {
    let grantedScope = '';
    const trial = this.clientFor(
      urls,
      () => Promise.resolve(credentials),
      plan,
      (token) => {
        grantedScope = scopeString(token);
      },
    );
    try {
      const hubs = (await trial.api.listHubs()).map((hub) => ({ hub_id: hub.hub_id, name: hub.name }));
      return { hubs, grantedScope };
    } finally {
      await trial.close();
    }
  }

  /** Signs in and lists hubs with the stored credentials. */
  async test(): Promise<ConnectionTest> {
    const started = this.clock();
    await this.reset();
    const hubs = await this.hubs();
    return { hubs, elapsedMs: this.clock() - started };
  }

  /** The hubs where the connected account is a host. */
  async hubs(): Promise<HubSummary[]> {
    const client = await this.zoom();
    return (await client.api.listHubs()).map((hub) => ({ hub_id: hub.hub_id, name: hub.name }));
  }

  /** Whether the stored connection is to the app's built-in sandbox. */
  usesBuiltInSandbox(): boolean {
    return this.settings.isBuiltInSandbox();
  }

  /** The built-in sandbox started again on another port: follow it. */
  async followBuiltInSandbox(urls: ZoomUrls): Promise<void> {
    this.settings.setEndpoints({ api_url: urls.apiUrl, oauth_url: urls.oauthUrl });
    await this.reset();
  }

  /**
   * Disconnects: the built-in sandbox's credentials leave the settings, others the keychain; true
   * when there were some. Without a keychain, disconnecting from the sandbox still works.
   */
  async forget(): Promise<boolean> {
    const wasSandbox = this.settings.builtInSandboxCredentials() !== undefined;
    this.settings.setBuiltInSandbox(undefined);
    this.settings.setEndpoints(undefined);
    this.settings.setGrantedScope(undefined);
    await this.reset();
    // Connecting to the sandbox already emptied the keychain's entry.
    if (wasSandbox) return true;
    return this.options.vault.forget();
  }

  /** Removes the keychain's entry when the keychain can be reached: one that cannot holds nothing Cadence can use. */
  private async forgetKeychainIfReachable(): Promise<void> {
    try {
      await this.options.vault.forget();
    } catch (error) {
      if (!(error instanceof CadenceError && error.code === 'unavailable')) throw error;
    }
  }

  /**
   * The credentials in use: the environment's for an unattended run, else the built-in sandbox's
   * from the settings, else the keychain's. The keychain is not touched for the first two.
   */
  private async stored(): Promise<StoredCredentials | undefined> {
    if (environmentCredentials(this.env) === undefined) {
      const sandbox = this.settings.builtInSandboxCredentials();
      if (sandbox !== undefined) return { credentials: sandbox, source: 'sandbox' };
    }
    return this.options.vault.read();
  }

  /** The shared Zoom client for the stored credentials. */
  async zoom(): Promise<ZoomClient> {
    if (this.client !== undefined) return this.client;
    const stored = await this.stored();
    if (stored === undefined) {
      throw new CadenceError(
        'not_found',
        'Cadence is not connected to Zoom. Connect in Settings or with "cadence connect", or set ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET.',
      );
    }
    this.client = this.clientFor(
      this.urls(),
      () => this.credentials(),
      undefined,
      (token) => {
        this.settings.setGrantedScope(scopeString(token));
      },
    );
    return this.client;
  }

  /** Closes the shared client's connections. */
  async close(): Promise<void> {
    await this.reset();
  }

  private async credentials(): Promise<ZoomCredentials> {
    const stored = await this.stored();
    if (stored === undefined) throw new CadenceError('not_found', 'The Zoom credentials were removed.');
    return stored.credentials;
  }

  private clientFor(
    urls: ZoomUrls,
    credentials: () => Promise<ZoomCredentials>,
    plan: ZoomPlan | undefined,
    onToken: (token: AccessToken) => void,
  ): ZoomClient {
    const { onReachability } = this.options;
    return createZoomClient({
      urls,
      credentials,
      plan: () => plan ?? this.plan(),
      onToken,
      ...(onReachability === undefined ? {} : { onReachability }),
    });
  }

  private async reset(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.close();
  }
}

/** The token's scopes as Zoom's answer listed them, space-separated. */
function scopeString(token: AccessToken): string {
  return [...token.scopes].join(' ');
}
