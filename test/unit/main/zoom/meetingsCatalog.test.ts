import { describe, expect, it } from 'vitest';
import { operationSpec } from '../../../../main/zoom/openApi/operationCatalog';
import { ZoomRequestValidator } from '../../../../main/zoom/openApi/zoomRequestValidator';
import meetingsDocument from '../../../../main/zoom/openApi/meetings-openapi.json' with { type: 'json' };

const validator = new ZoomRequestValidator();

describe('the Meetings operations beside the Events document', () => {
  it('carry the rate-limit labels of Zoom’s Meetings reference', () => {
    expect(
      Object.fromEntries(
        ['meetingCreate', 'meetings', 'user', 'meeting', 'meetingUpdate', 'meetingDelete'].map((id) => [
          id,
          operationSpec(id).label,
        ]),
      ),
    ).toEqual({
      meetingCreate: 'MEDIUM',
      meetings: 'MEDIUM',
      user: 'MEDIUM',
      meeting: 'LIGHT',
      meetingUpdate: 'LIGHT',
      meetingDelete: 'LIGHT',
    });
    // The Events operations keep theirs.
    expect(operationSpec('createEvent').label).toBe('LIGHT');
    expect(operationSpec('EventRegistrationsReport').label).toBe('HEAVY');
  });

  it('name their scopes, classic then granular, and their source and date', () => {
    expect(operationSpec('meetingCreate')).toMatchObject({
      method: 'POST',
      template: '/users/{userId}/meetings',
      scopes: ['meeting:write:admin', 'meeting:write', 'meeting:write:meeting:admin', 'meeting:write:meeting'],
    });
    expect(meetingsDocument.info['x-source'][0]).toBe('https://developers.zoom.us/docs/api/meetings/');
    expect(meetingsDocument.info['x-read-on']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('are found from a request path, an email as the user', () => {
    expect(validator.findOperation('POST', '/users/hr%40company.com/meetings')).toMatchObject({
      operationId: 'meetingCreate',
      params: { userId: 'hr@company.com' },
    });
    expect(validator.findOperation('GET', '/users/hr%40company.com')?.operationId).toBe('user');
    expect(validator.findOperation('PATCH', '/meetings/85000007919')?.operationId).toBe('meetingUpdate');
  });

  it('check a meeting body by the reference: lengths, the passcode’s length, the recurrence’s limits', () => {
    const path = '/users/hr%40company.com/meetings';
    expect(
      validator.bodyIssues('POST', path, { topic: 'Ok', type: 8, recurrence: { type: 2, weekly_days: '1,3,5' } }),
    ).toEqual([]);
    const paths = validator
      .bodyIssues('POST', path, {
        topic: 't'.repeat(201),
        duration: 0,
        password: '12345678901',
        recurrence: { weekly_days: 'Monday', end_times: 0, monthly_week: 5 },
        settings: { approval_type: 3, audio: 'loud' },
      })
      .map((issue) => issue.path)
      .sort();
    expect(paths).toEqual([
      'duration',
      'password',
      'recurrence.end_times',
      'recurrence.monthly_week',
      'recurrence.type',
      'recurrence.weekly_days',
      'settings.approval_type',
      'settings.audio',
      'topic',
    ]);
    expect(validator.bodyIssues('PATCH', '/meetings/1', { recurrence: { type: 1, end_times: 50 } })).toEqual([]);
  });
});
