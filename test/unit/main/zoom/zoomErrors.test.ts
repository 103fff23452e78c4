import { describe, expect, it } from 'vitest';
import {
  isDailyLimit,
  nextUtcMidnight,
  zoomApiError,
  ZoomDailyLimitError,
  zoomDailyLimitError,
} from '../../../../main/zoom/zoomErrors';

const context = { operation: 'createTickets', scopes: ['zoom_events:write:ticket', 'zoom_events:write:ticket:admin'] };

describe("Zoom's errors", () => {
  it("become typed errors that say what to do, keeping Zoom's code and words", () => {
    const error = zoomApiError(400, { code: 26501, message: 'Event is not published yet.' }, context);
    expect(error).toMatchObject({
      code: 'conflict',
      status: 400,
      zoomCode: 26501,
      zoomMessage: 'Event is not published yet.',
      message:
        'Zoom registers attendees only for a published event: publish it first. Zoom said: "Event is not published yet.".',
    });
    expect(zoomApiError(400, { code: 2007, message: 'Not enough stock' }, context).message).toContain('sold out');
    expect(zoomApiError(400, { code: 261203 }, context).message).toContain('give the link another name');
    expect(zoomApiError(404, { code: 2002, message: 'Event not found.' }, context).code).toBe('not_found');
    expect(zoomApiError(400, { code: 26201 }, context).code).toBe('forbidden');
  });

  it('code 300 lists the refused fields as issues', () => {
    const error = zoomApiError(
      400,
      { code: 300, message: 'Validation Failed.', errors: [{ field: 'tickets[0].email', message: 'Invalid email.' }] },
      context,
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toEqual([{ path: 'tickets[0].email', message: 'Invalid email.' }]);
  });

  it('names the scope to add when the token lacks it', () => {
    const error = zoomApiError(
      400 + 1,
      { code: 4711, message: 'Invalid access token, does not contain scopes:[zoom_events:write:ticket]' },
      context,
    );
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain('Add the scope zoom_events:write:ticket or zoom_events:write:ticket:admin');
  });

  it("knows a missing scope by Zoom's code, whatever the status", () => {
    for (const [status, code] of [
      [400, 4711],
      [403, 4711],
      [401, 4700],
    ] as const) {
      const error = zoomApiError(
        status,
        { code, message: 'Invalid access token, does not contain scopes:[x].' },
        context,
      );
      expect(error).toMatchObject({ code: 'forbidden', zoomCode: code, missingScopes: context.scopes });
      expect(error.message).toContain('Add the scope zoom_events:write:ticket or');
    }
  });

  it("never reads a missing scope from Zoom's words", () => {
    const error = zoomApiError(403, { code: 200, message: 'No permission: scope or role.' }, context);
    expect(error).toMatchObject({ code: 'forbidden', missingScopes: [] });
    expect(error.message).not.toContain('Add the scope');
  });

  it('rate limits, server errors and unknown answers are never mistaken for one another', () => {
    expect(zoomApiError(429, { code: 429, message: 'Too many requests' }, context).code).toBe('unavailable');
    expect(zoomApiError(503, 'upstream down', context)).toMatchObject({ code: 'unavailable', zoomCode: undefined });
    expect(zoomApiError(400, { code: 99999, message: 'Something new' }, context)).toMatchObject({
      code: 'invalid_input',
      message: 'Zoom refused createTickets (HTTP 400). Zoom said: "Something new".',
    });
  });
});

describe("Zoom's daily limit", () => {
  const now = Date.parse('2027-02-10T22:15:30Z');
  const body = { code: 429, message: 'You have exceeded the daily rate limit of (100) for Create/Update meeting API.' };

  it('is told apart from the per-second limit by its header, not by its words', () => {
    expect(isDailyLimit({ 'x-ratelimit-type': 'Daily-limit' })).toBe(true);
    expect(isDailyLimit({ 'x-ratelimit-type': ['daily-limit'] })).toBe(true);
    expect(isDailyLimit({ 'x-ratelimit-type': 'QPS' })).toBe(false);
    expect(isDailyLimit({})).toBe(false);
  });

  it('renews when Retry-After says, as an instant or in seconds', () => {
    const headers = { 'x-ratelimit-type': 'Daily-limit', 'x-ratelimit-limit': '100' };
    const atInstant = zoomDailyLimitError(
      body,
      { ...headers, 'retry-after': '2027-02-11T00:00:00Z' },
      { operation: 'x', now },
    );
    expect(atInstant).toBeInstanceOf(ZoomDailyLimitError);
    expect(atInstant).toMatchObject({ status: 429, zoomCode: 429, renewsAt: '2027-02-11T00:00:00Z', limit: 100 });
    expect(atInstant.message).toContain('2027-02-11T00:00:00Z');
    const inSeconds = zoomDailyLimitError(body, { ...headers, 'retry-after': '60' }, { operation: 'x', now });
    expect(inSeconds.renewsAt).toBe('2027-02-10T22:16:30Z');
  });

  it('renews at the next UTC midnight when Zoom does not say, or says a time already past', () => {
    expect(zoomDailyLimitError(body, {}, { operation: 'x', now })).toMatchObject({
      renewsAt: '2027-02-11T00:00:00Z',
      limit: undefined,
    });
    const past = zoomDailyLimitError(body, { 'retry-after': '2027-02-09T00:00:00Z' }, { operation: 'x', now });
    expect(past.renewsAt).toBe('2027-02-11T00:00:00Z');
    expect(nextUtcMidnight(Date.parse('2027-12-31T23:59:59Z'))).toBe(Date.parse('2028-01-01T00:00:00Z'));
  });
});
