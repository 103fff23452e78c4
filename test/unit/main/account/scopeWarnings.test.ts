import { describe, expect, it } from 'vitest';
import { featureOperations, scopeWarnings } from '../../../../main/account/scopeWarnings';
import { operationSpec } from '../../../../main/zoom/openApi/operationCatalog';

/** Every scope Cadence's operations list, in one spelling family chosen by `pick`. */
function everyScope(pick: (scopes: readonly string[]) => readonly string[]): string[] {
  const operationIds = new Set(Object.values(featureOperations).flat());
  return [...new Set([...operationIds].flatMap((id) => pick(operationSpec(id).scopes)))];
}
const classic = (scopes: readonly string[]) => scopes.filter((scope) => scope.split(':').length === 2);
const granularAdmin = (scopes: readonly string[]) =>
  scopes.filter((scope) => scope.startsWith('zoom_events:') && scope.endsWith(':admin'));
const without = (scopes: string[], unwanted: RegExp) => scopes.filter((scope) => !unwanted.test(scope)).join(' ');

describe('scope warnings', () => {
  it('say nothing when Zoom listed no scopes', () => {
    expect(scopeWarnings('')).toEqual([]);
    expect(scopeWarnings('   ')).toEqual([]);
  });

  it('say nothing for a token with every scope, classic or granular', () => {
    expect(scopeWarnings(everyScope(classic).join(' '))).toEqual([]);
    expect(scopeWarnings(everyScope(granularAdmin).join(' '))).toEqual([]);
  });

  it('count :master and :admin spellings as the same scope', () => {
    const master = everyScope(granularAdmin).map((scope) => scope.replace(/:admin$/, ':master'));
    expect(scopeWarnings(master.join(' '))).toEqual([]);
    const bare = everyScope(granularAdmin).map((scope) => scope.replace(/:admin$/, ''));
    expect(scopeWarnings(bare.join(' '))).toEqual([]);
  });

  it('name a missing classic scope with the features it stops', () => {
    const token = without(everyScope(classic), /^zoom_events_attendee_actions:/);
    expect(scopeWarnings(token)).toEqual([
      { scope: 'zoom_events_attendee_actions:read:admin', features: ['checkin'] },
      { scope: 'zoom_events_attendee_actions:write:admin', features: ['checkin'] },
    ]);
  });

  it('name missing granular scopes in the granular style, grouped by feature', () => {
    const token = without(everyScope(granularAdmin), /^zoom_events:read:(event|list_events):/);
    expect(scopeWarnings(token)).toEqual([
      { scope: 'zoom_events:read:event:admin', features: ['syncing', 'readingEvents'] },
      { scope: 'zoom_events:read:list_events:admin', features: ['readingEvents'] },
    ]);
  });

  it('name missing scopes with :master for a master-account token', () => {
    const token = everyScope(granularAdmin)
      .filter((scope) => !scope.startsWith('zoom_events:write:ticket:'))
      .map((scope) => scope.replace(/:admin$/, ':master'));
    expect(scopeWarnings(token.join(' '))).toEqual([
      { scope: 'zoom_events:write:ticket:master', features: ['registrations'] },
    ]);
  });

  it('take the broad classic scopes for every read or write', () => {
    expect(scopeWarnings('zoom_events:read:admin zoom_events:write:admin')).toEqual([]);
    expect(scopeWarnings('zoom_events:read:admin').map((warning) => warning.features)).not.toContainEqual([
      'readingEvents',
    ]);
  });

  it('read any catalogue it is given', () => {
    const catalogue = (operationId: string) => ({
      ...operationSpec(operationId),
      scopes: operationId === 'getHubList' ? ['zoom_events:read:hubs_new:admin'] : [],
    });
    expect(scopeWarnings('zoom_events:write:other:admin', catalogue)).toEqual([
      { scope: 'zoom_events:read:hubs_new:admin', features: ['hubs'] },
    ]);
  });
});
