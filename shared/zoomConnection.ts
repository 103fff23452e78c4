import { z } from 'zod';
import { zoomCredentialsSchema } from './credentials';

/** The Zoom plan of the account: it sets the API rate limits Cadence keeps to. */
export const zoomPlanSchema = z.enum(['pro', 'business'], {
  error: 'The plan is "pro" or "business" (Business and above).',
});
export type ZoomPlan = z.infer<typeof zoomPlanSchema>;

const httpUrlSchema = z
  .url({ protocol: /^https?$/, error: 'Give a full http:// or https:// address.' })
  .transform((url) => url.replace(/\/+$/, ''));

/** Where Cadence reaches Zoom, when not Zoom itself (the sandbox, a proxy). */
export const zoomEndpointsSchema = z.strictObject({
  api_url: httpUrlSchema,
  oauth_url: httpUrlSchema,
});
export type ZoomEndpoints = z.output<typeof zoomEndpointsSchema>;

/** What connecting takes: the credentials, and optionally other endpoints and the plan. */
export const connectInputSchema = zoomCredentialsSchema.extend({
  api_url: httpUrlSchema.optional(),
  oauth_url: httpUrlSchema.optional(),
  plan: zoomPlanSchema.optional(),
});
export type ConnectInput = z.input<typeof connectInputSchema>;

/** A hub the account hosts, as the app and `cadence hubs` show it. */
export const hubSummarySchema = z.object({ hub_id: z.string(), name: z.string() });
export type HubSummary = z.infer<typeof hubSummarySchema>;

/** What Cadence does with Zoom, as a planner knows it: what a scope the token lacks would stop. */
export const zoomFeatureSchema = z.enum(['hubs', 'syncing', 'registrations', 'checkin', 'readingEvents']);
export type ZoomFeature = z.infer<typeof zoomFeatureSchema>;

/** The planner's words for each feature, for the CLI and the app alike. */
export const zoomFeatureNames: Readonly<Record<ZoomFeature, string>> = {
  hubs: 'choosing a hub',
  syncing: 'syncing series',
  registrations: 'registrations',
  checkin: 'check-in',
  readingEvents: 'reading events from Zoom',
};

/**
 * A scope the token seems to lack, by the names Cadence knows, and the features it would stop.
 * A warning only: Zoom decides, and a spelling Cadence does not know may well be enough.
 */
export const scopeWarningSchema = z.object({
  scope: z.string(),
  features: z.array(zoomFeatureSchema),
});
export type ScopeWarning = z.infer<typeof scopeWarningSchema>;

/** The connection as the app shows it; never the secret. */
export const connectionStatusSchema = z.object({
  isConnected: z.boolean(),
  /** Where the credentials come from. */
  source: z.enum(['keychain', 'environment', 'sandbox']).nullable(),
  accountId: z.string().nullable(),
  plan: zoomPlanSchema,
  apiUrl: z.string(),
  oauthUrl: z.string(),
  /** True when the endpoints are set by CADENCE_ZOOM_API_URL / CADENCE_ZOOM_OAUTH_URL. */
  isEndpointFromEnvironment: z.boolean(),
  /** From the scopes of the last token Zoom issued; empty before one, or when Zoom listed none. */
  scopeWarnings: z.array(scopeWarningSchema),
  /** Why the keychain could not be read, in the planner's words; null when it could (or was not needed). */
  keychainProblem: z.string().nullable(),
});
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

/** The answer to "test the connection". */
export const connectionTestSchema = z.object({
  hubs: z.array(hubSummarySchema),
  /** Milliseconds for a token and the hub list. */
  elapsedMs: z.number(),
});
export type ConnectionTest = z.infer<typeof connectionTestSchema>;
