import type {
  ZoomAccessLink,
  ZoomEvent,
  ZoomRegistrationQuestions,
  ZoomSession,
  ZoomSpeaker,
  ZoomTicket,
  ZoomTicketType,
} from './zoomReadShapes';

/** Everything Zoom answered about one event; `undefined` where Zoom would not say (a scope the app lacks). */
export interface ZoomEventAnswers {
  event: ZoomEvent;
  sessions: readonly ZoomSession[];
  ticketTypes: readonly ZoomTicketType[];
  accessLinks: readonly ZoomAccessLink[];
  tickets: readonly ZoomTicket[];
  speakers: readonly ZoomSpeaker[] | undefined;
  questions: ZoomRegistrationQuestions | undefined;
}
