import { describe, expect, it } from 'vitest';
import { ZoomRequestValidator } from '../../../../main/zoom/openApi/zoomRequestValidator';

const validator = new ZoomRequestValidator();

describe("Zoom's OpenAPI document as a request check", () => {
  it('finds the operation of a request path, with its parameters decoded and the query ignored', () => {
    expect(validator.findOperation('patch', '/zoom_events/events/ev%2F1/sessions/s1?x=1')).toEqual({
      operationId: 'updateEventSession',
      method: 'PATCH',
      template: '/zoom_events/events/{eventId}/sessions/{sessionId}',
      params: { eventId: 'ev/1', sessionId: 's1' },
    });
    expect(validator.findOperation('GET', '/zoom_events/hubs')?.operationId).toBe('getHubList');
    expect(validator.findOperation('PUT', '/zoom_events/hubs')).toBeUndefined();
  });

  it("refuses the recurring-events tutorial's own create body, field by field", () => {
    const tutorialBody = {
      hub_id: '4uzfv3JwTeyR5QpC3PXwMg',
      name: 'Engineering Team Weekly Standup',
      timezone: 'America/New_York',
      event_type: 'RECURRING',
      access_level: 'PRIVATE_UNRESTRICTED',
      meeting_type: 'MEETING',
      attendance_type: 'VIRTUAL',
      calendar: [{ start_time: '2025-01-06T15:00:00Z' }],
      recurrence: { type: 2, repeat_interval: 1, monthly_week_day: 1, end_times: 12, duration: 30 },
    };
    expect(validator.bodyIssues('POST', '/zoom_events/events', tutorialBody)).toEqual([
      { path: 'description', message: "must have required property 'description'" },
      { path: 'calendar[0].end_time', message: "must have required property 'end_time'" },
      { path: 'attendance_type', message: 'must be equal to one of the allowed values: virtual, in-person, hybrid' },
    ]);
  });

  it('checks formats and types inside arrays', () => {
    expect(
      validator.bodyIssues('POST', '/zoom_events/events/ev1/tickets', {
        tickets: [{ email: 'jane.doe@example.com' }, { email: 'not-an-email', session_ids: 's1' }],
      }),
    ).toEqual([
      { path: 'tickets[1].email', message: 'must match format "email"' },
      { path: 'tickets[1].session_ids', message: 'must be array' },
    ]);
  });

  it("takes the categories enum as meant for each category, not for the list (a slip in Zoom's document)", () => {
    const base = {
      hub_id: 'h',
      name: 'n',
      description: '',
      timezone: 'UTC',
      event_type: 'SIMPLE_EVENT',
      access_level: 'PRIVATE_RESTRICTED',
      attendance_type: 'virtual',
    };
    expect(validator.bodyIssues('POST', '/zoom_events/events', { ...base, categories: ['Other'] })).toEqual([]);
    expect(validator.bodyIssues('POST', '/zoom_events/events', { ...base, categories: ['Gardening'] })).toEqual([
      {
        path: 'categories[0]',
        message: expect.stringContaining('must be equal to one of the allowed values') as string,
      },
    ]);
  });

  it('says when a request has no operation, needs a body or takes none', () => {
    expect(validator.bodyIssues('POST', '/zoom_events/nothing', {})).toEqual([
      { path: '', message: "Zoom's API has no operation POST /zoom_events/nothing." },
    ]);
    expect(validator.bodyIssues('POST', '/zoom_events/events', undefined)).toEqual([
      { path: '', message: 'createEvent needs a JSON request body.' },
    ]);
    expect(validator.bodyIssues('GET', '/zoom_events/hubs', { role_type: 'host' })).toEqual([
      { path: '', message: 'getHubList takes no request body.' },
    ]);
    expect(validator.bodyIssues('DELETE', '/zoom_events/events/ev1', undefined)).toEqual([]);
  });
});
