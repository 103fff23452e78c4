import type { ZoomPlan } from '../../shared/zoomConnection';

/** Zoom's rate-limit labels, and the requests per second each allows on each plan. */
export type RateLimitLabel = 'LIGHT' | 'MEDIUM' | 'HEAVY';

export const requestsPerSecond: Readonly<Record<ZoomPlan, Readonly<Record<RateLimitLabel, number>>>> = {
  pro: { LIGHT: 30, MEDIUM: 20, HEAVY: 10 },
  business: { LIGHT: 80, MEDIUM: 60, HEAVY: 40 },
};

/**
 * The operations of the Events API reference labelled other than LIGHT, by operationId of
 * `events-openapi.json`. The reference labels every other operation LIGHT, the session attendance
 * report included; Cadence paces that one as HEAVY like every other report, as Zoom's report
 * family is limited, so that it never takes the LIGHT budget the sync's own calls need.
 */
const heavyOperations = new Set([
  'ChatTranscriptsReport',
  'getCustomEventReport',
  'EventAttendanceReport',
  'EventSurveyReportApi',
  'EventRegistrationsReport',
  'SessionAttendanceReport',
  'VodChannelReigistration',
]);

export function rateLimitLabelOf(operationId: string): RateLimitLabel {
  return heavyOperations.has(operationId) ? 'HEAVY' : 'LIGHT';
}
