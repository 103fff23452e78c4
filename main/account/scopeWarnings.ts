import type { ScopeWarning, ZoomFeature } from '../../shared/zoomConnection';
import { operationSpec, type OperationSpec } from '../zoom/openApi/operationCatalog';
import { grantedScopes, grantsAnyScope, scopeBase, scopesToName } from '../zoom/scopeSpellings';

/**
 * The operations of Zoom's catalogue that Cadence calls, by the feature a planner would miss
 * without them. An operation may serve several features (syncing reads events too).
 */
export const featureOperations: Readonly<Record<ZoomFeature, readonly string[]>> = {
  hubs: ['getHubList'],
  syncing: [
    'createEvent',
    'updateEvent',
    'deleteEvent',
    'EventActions',
    'getEventInfo',
    'getEventSessionList',
    'getEventSessionInfo',
    'updateEventSession',
    'deleteEventSession',
    'getEventTicketTypes',
    'createTicketType',
    'updateTicketType',
    'deleteEventTicketType',
    'getEventAccessLinks',
    'GetEventAccessLink',
    'createEventAccessLink',
    'updateEventAccess',
    'deleteEventAccessLink',
  ],
  registrations: ['getTickets', 'createTickets', 'getTicketDetails', 'Updateticket', 'deleteTicket', 'getRegistrants'],
  checkin: [
    'ListEventAttendeeActions',
    'ListSessionAttendeeActions',
    'UpdateEventAttendeeActions',
    'UpdateSessionAttendeeActions',
  ],
  readingEvents: ['getEvents', 'getEventInfo', 'getEventSessionList', 'getEventSessionInfo'],
};

/** Granular names put the verb second and a thing third: `zoom_events:write:ticket`. */
const isGranular = (base: string) => base.split(':').length >= 3;

/**
 * The scope to name for an operation the token seems unable to call, in the token's own style:
 * granular when it holds granular scopes, `:master` when it holds master ones.
 */
function nameFor(spec: OperationSpec, token: readonly string[]): string {
  const names = scopesToName(spec.scopes);
  const prefersGranular = token.some((scope) => isGranular(scopeBase(scope)));
  const name =
    names.find((candidate) => isGranular(scopeBase(candidate)) === prefersGranular) ?? names[0] ?? spec.operationId;
  return token.some((scope) => scope.endsWith(':master')) ? `${scopeBase(name)}:master` : name;
}

/**
 * The scopes the token seems to lack for what Cadence does, each with the features it would stop.
 * A scope counts as present in any spelling Cadence knows (classic, granular, with or without
 * `:admin` or `:master`). Says nothing when the token's scope string is empty: Zoom did not list
 * its scopes, so there is nothing to judge. Zoom decides in the end; these are warnings only.
 *
 * @param scope the token answer's space-separated `scope` string.
 * @param catalogue the operation catalogue (Zoom's OpenAPI document by default).
 */
export function scopeWarnings(
  scope: string,
  catalogue: (operationId: string) => OperationSpec = operationSpec,
): ScopeWarning[] {
  const token = scope.split(/\s+/).filter((name) => name !== '');
  if (token.length === 0) return [];
  const granted = grantedScopes(scope);
  const warnings = new Map<string, Set<ZoomFeature>>();
  for (const [feature, operationIds] of Object.entries(featureOperations) as [ZoomFeature, readonly string[]][]) {
    for (const operationId of operationIds) {
      const spec = catalogue(operationId);
      if (spec.scopes.length === 0 || grantsAnyScope(granted, spec.scopes)) continue;
      const name = nameFor(spec, token);
      const features = warnings.get(name) ?? new Set<ZoomFeature>();
      features.add(feature);
      warnings.set(name, features);
    }
  }
  return [...warnings].map(([name, features]) => ({ scope: name, features: [...features] }));
}
