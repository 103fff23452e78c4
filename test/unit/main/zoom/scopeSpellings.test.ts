import { describe, expect, it } from 'vitest';
import { grantedScopes, grantsScope, scopesToName } from '../../../../main/zoom/scopeSpellings';

describe("Zoom's scope spellings", () => {
  it('match with or without :admin and :master', () => {
    const granted = grantedScopes('zoom_events:write:ticket:master zoom_events_hubs:read');
    expect(grantsScope(granted, 'zoom_events:write:ticket:admin')).toBe(true);
    expect(grantsScope(granted, 'zoom_events:write:ticket')).toBe(true);
    expect(grantsScope(granted, 'zoom_events_hubs:read:admin')).toBe(true);
    expect(grantsScope(granted, 'zoom_events:delete:ticket:admin')).toBe(false);
  });

  it('take the broad classic grants for every read or write of Zoom Events', () => {
    const granted = grantedScopes('zoom_events:write:admin');
    expect(grantsScope(granted, 'zoom_events:delete:ticket:admin')).toBe(true);
    expect(grantsScope(granted, 'zoom_events_tickets:write')).toBe(true);
    expect(grantsScope(granted, 'zoom_events_tickets:read')).toBe(false);
  });

  it('name one spelling per scope, the :admin one where listed', () => {
    expect(
      scopesToName([
        'zoom_events_tickets:write',
        'zoom_events_tickets:write:admin',
        'zoom_events:write:ticket',
        'zoom_events:write:ticket:admin',
      ]),
    ).toEqual(['zoom_events_tickets:write:admin', 'zoom_events:write:ticket:admin']);
  });
});
