/**
 * The request bodies Cadence sends to the Zoom Events API, typed after the operations of Zoom's
 * OpenAPI document (`createEvent`, `createTicketType`, …). Only the fields Cadence uses.
 */

export interface ZoomRecurrenceBody {
  type: 1 | 2 | 3;
  repeat_interval: number;
  duration: number;
  weekly_days?: number[];
  monthly_days?: number[];
  monthly_week?: -1 | 1 | 2 | 3 | 4;
  monthly_week_day?: number;
  end_times?: number;
  end_date_time?: string;
}

/** `POST /zoom_events/events` */
export interface ZoomCreateEventBody {
  hub_id: string;
  name: string;
  description: string;
  timezone: string;
  event_type: 'RECURRING' | 'SIMPLE_EVENT';
  access_level: 'PRIVATE_UNRESTRICTED' | 'PRIVATE_RESTRICTED';
  attendance_type: 'virtual' | 'in-person' | 'hybrid';
  meeting_type?: 'MEETING' | 'WEBINAR';
  calendar: [{ start_time: string; end_time: string }];
  recurrence?: ZoomRecurrenceBody;
}

/** `POST /zoom_events/events/{eventId}/ticket_types` */
export interface ZoomTicketTypeBody {
  name: string;
  description?: string;
  currency: string;
  free: boolean;
  price?: string;
  quantity?: number;
  start_time: string;
  end_time: string;
}

/** `POST /zoom_events/events/{eventId}/access_links` */
export interface ZoomAccessLinkBody {
  name: string;
  type: 'registration';
  is_default: true;
  authentication_method: string;
  ticket_type_id: string;
  recurring_registration_option?: 'all_sessions' | 'single_session' | 'multiple_sessions';
}

/** One ticket of `POST /zoom_events/events/{eventId}/tickets`. */
export interface ZoomTicketBody {
  email: string;
  ticket_type_id: string;
  external_ticket_id: string;
  send_notification: boolean;
  session_ids?: string[];
  first_name?: string;
  last_name?: string;
  organization?: string;
  job_title?: string;
  phone?: string;
  address?: string;
  city?: string;
  state?: string;
  zip?: string;
  country?: string;
  industry?: string;
  comments?: string;
}

/** `POST /zoom_events/events/{eventId}/tickets`: at most `maxTicketsPerBatch` tickets. */
export interface ZoomTicketBatchBody {
  tickets: ZoomTicketBody[];
}

/** `PATCH /zoom_events/events/{eventId}/sessions/{sessionId}` for a moved occurrence. */
export interface ZoomSessionMoveBody {
  start_time: string;
  end_time: string;
}

/** `POST /zoom_events/events/{eventId}/event_actions` */
export interface ZoomEventActionBody {
  operation: 'publish' | 'cancel';
  cancel_message?: string;
}
