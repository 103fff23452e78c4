import { describe, expect, it } from 'vitest';
import { seriesDraftSchema } from '../../../../shared/drafts/seriesDraft';
import { expandSeries } from '../../../../shared/recurrence/seriesTiming';
import { createEventBody } from '../../../../shared/zoom/draftToZoom';
import type { ZoomRecurrenceBody } from '../../../../shared/zoom/zoomBodies';
import { zoomEventSchema, zoomSessionSchema } from '../../../../shared/zoom/zoomReadShapes';
import { draftFieldsFromZoomEvent, recurrenceFromZoom } from '../../../../shared/zoom/zoomToDraft';

/** What Zoom answers for a recurrence it was sent: read shapes, and every field filled. */
function asZoomReads(sent: ZoomRecurrenceBody) {
  return {
    type: sent.type,
    repeat_interval: sent.repeat_interval,
    weekly_days: sent.weekly_days?.join(',') ?? '',
    monthly_days: sent.monthly_days?.[0] ?? 1,
    monthly_week: sent.monthly_week ?? -1,
    monthly_week_day: sent.monthly_week_day ?? 1,
    end_times: sent.end_times ?? 0,
    end_date_time: sent.end_date_time ?? '',
    duration: sent.duration,
  };
}

const series = [
  {
    timezone: 'America/New_York',
    start_time: '2025-01-06T15:00:00Z',
    recurrence: { type: 2, weekly_days: [2, 4], end_times: 12, duration: 30 },
  },
  {
    timezone: 'America/Los_Angeles',
    start_time: '2025-02-04T22:00:00Z',
    recurrence: { type: 3, monthly_week: 1, monthly_week_day: 3, end_times: 6, duration: 90 },
  },
  {
    timezone: 'Australia/Sydney',
    start_time: '2025-01-30T23:00:00Z',
    recurrence: { type: 3, monthly_days: [31], end_date_time: '2025-12-31T00:00:00Z', duration: 45 },
  },
  {
    timezone: 'Asia/Kolkata',
    start_time: '2025-03-01T04:30:00Z',
    recurrence: { type: 1, repeat_interval: 3, end_times: 10, duration: 60 },
  },
];

describe("Zoom's answers in draft terms", () => {
  it.each(series)('a series sent and read back expands to the same sessions ($timezone)', (timing) => {
    const draft = seriesDraftSchema.parse({ name: 'Series', event_type: 'RECURRING', ...timing });
    const sent = createEventBody(draft, 'hub');
    const answer = zoomEventSchema.parse({
      event_id: 'ev1',
      name: sent.name,
      description: '',
      timezone: sent.timezone,
      event_type: 'RECURRING',
      status: 'DRAFT',
      hub_id: 'hub',
      calendar: sent.calendar,
      start_time: '',
      recurrence: asZoomReads(sent.recurrence ?? { type: 1, repeat_interval: 1, duration: 1 }),
    });
    const fields = draftFieldsFromZoomEvent(answer, draft.event_type === 'RECURRING' ? draft.recurrence : undefined);
    expect(fields).toMatchObject({
      name: 'Series',
      hub_id: 'hub',
      event_type: 'RECURRING',
      start_time: timing.start_time,
    });
    expect(expandSeries(fields)).toEqual(expandSeries(timing));
  });

  it('reads weekly_days from a string and ignores the fields of other types', () => {
    expect(
      recurrenceFromZoom({
        type: 2,
        repeat_interval: 2,
        weekly_days: '2, 4',
        monthly_days: 1,
        monthly_week: -1,
        monthly_week_day: 1,
        end_times: 8,
        end_date_time: undefined,
        duration: 30,
      }),
    ).toEqual({ type: 2, repeat_interval: 2, weekly_days: [2, 4], end_times: 8, duration: 30 });
  });

  it('where Zoom fills both monthly forms and both ends, follows the form Cadence sent', () => {
    const answer = zoomEventSchema.shape.recurrence.parse({
      type: 3,
      repeat_interval: 2,
      weekly_days: '2',
      monthly_days: 3,
      monthly_week_day: 1,
      end_times: 3,
      end_date_time: '2022-06-03T20:51:00Z',
      monthly_week: 3,
      duration: 30,
    });
    if (answer === undefined) throw new Error('no recurrence');
    expect(recurrenceFromZoom(answer)).toEqual({
      type: 3,
      repeat_interval: 2,
      monthly_week: 3,
      monthly_week_day: 1,
      end_times: 3,
      duration: 30,
    });
    const sent = { type: 3 as const, monthly_days: [3], end_date_time: '2022-06-03T20:51:00Z', duration: 30 };
    expect(recurrenceFromZoom(answer, sent)).toEqual({
      type: 3,
      repeat_interval: 2,
      monthly_days: [3],
      end_date_time: '2022-06-03T20:51:00Z',
      duration: 30,
    });
  });

  it('a single-session event takes its times from the calendar', () => {
    const fields = draftFieldsFromZoomEvent(
      zoomEventSchema.parse({
        event_id: 'ev2',
        name: 'Launch',
        timezone: 'Europe/Paris',
        event_type: 'SIMPLE_EVENT',
        meeting_type: 'WEBINAR',
        attendance_type: 'HYBRID',
        access_level: 'PRIVATE_RESTRICTED',
        calendar: [{ start_time: '2025-06-12T17:00:00Z', end_time: '2025-06-12T19:00:00Z' }],
        recurrence: null,
      }),
    );
    expect(fields).toEqual({
      name: 'Launch',
      timezone: 'Europe/Paris',
      event_type: 'SIMPLE_EVENT',
      meeting_type: 'WEBINAR',
      attendance_type: 'hybrid',
      access_level: 'PRIVATE_RESTRICTED',
      start_time: '2025-06-12T17:00:00Z',
      end_time: '2025-06-12T19:00:00Z',
    });
  });

  it('a conference is not something Cadence drafts', () => {
    const conference = zoomEventSchema.parse({
      event_id: 'ev3',
      name: 'Summit',
      timezone: 'UTC',
      event_type: 'CONFERENCE',
      start_time: '2025-06-12T17:00:00Z',
    });
    expect(draftFieldsFromZoomEvent(conference)).toBeUndefined();
  });

  it('refuses answers that lack what Cadence relies on, naming the field', () => {
    const event = zoomEventSchema.safeParse({ name: 'No id', timezone: 'UTC', event_type: 'RECURRING' });
    expect(event.success).toBe(false);
    expect(event.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['event_id']);
    const session = zoomSessionSchema.safeParse({ session_id: '', start_time: '2025-01-06T15:00:00Z' });
    expect(session.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['session_id', 'end_time']);
  });
});
