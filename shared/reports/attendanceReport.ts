import { z } from 'zod';

/** Whether a session's attendance is known: downloaded, still to come, or not given by Zoom yet. */
export const sessionAttendanceStateSchema = z.enum(['downloaded', 'upcoming', 'unavailable']);
export type SessionAttendanceState = z.output<typeof sessionAttendanceStateSchema>;

/** One session's line of the report. `attended` and `attendanceRate` are null until Zoom reported it. */
export const sessionReportRowSchema = z.object({
  position: z.number().int().min(1),
  sessionId: z.string(),
  name: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  state: sessionAttendanceStateSchema,
  /** Zoom's words when it did not give the report. */
  unavailableReason: z.string().nullable(),
  registered: z.number().int().min(0),
  attended: z.number().int().min(0).nullable(),
  checkedInOnsite: z.number().int().min(0),
  /** attended ÷ registered, 0–1; null when either is unknown or nobody is registered. */
  attendanceRate: z.number().min(0).nullable(),
});
export type SessionReportRow = z.output<typeof sessionReportRowSchema>;

/** One Zoom event of a series longer than one event holds, within the report of the whole. */
export const reportPartSchema = z.object({
  eventId: z.string(),
  name: z.string(),
  /** The report's session position of the part's first session. */
  firstPosition: z.number().int().min(1),
  sessions: z.number().int().min(0),
  downloadedAt: z.string(),
});
export type ReportPart = z.output<typeof reportPartSchema>;

/**
 * An event's per-session attendance, as downloaded from Zoom and kept for reading offline; or a
 * long series' attendance across the events of its parts, as one report.
 */
export const attendanceReportSchema = z.object({
  /** The event reported on; of a series in parts, its first part's (`parts` lists them all). */
  eventId: z.string(),
  seriesId: z.string().nullable(),
  name: z.string(),
  timezone: z.string(),
  downloadedAt: z.string(),
  toleranceMinutes: z.number().int().min(0),
  sessions: z.array(sessionReportRowSchema),
  totals: z.object({
    registered: z.number().int().min(0),
    /** People who attended at least one session. */
    attended: z.number().int().min(0),
    checkedInOnsite: z.number().int().min(0),
    /** Attendance records that fit no session's time window. */
    unmatchedRecords: z.number().int().min(0),
  }),
  /** The events of a series in parts, in order, their sessions numbered on; empty for one event. */
  parts: z.array(reportPartSchema),
});
export type AttendanceReport = z.output<typeof attendanceReportSchema>;

/** Which report: a series here (ID or key), or any Zoom event by ID. */
export const reportSourceSchema = z.union([
  z.strictObject({ seriesId: z.string().min(1) }),
  z.strictObject({ eventId: z.string().min(1) }),
]);
export type ReportSource = z.output<typeof reportSourceSchema>;

/** The CSV columns of the per-session report, in order. */
export const sessionReportColumns = [
  'session',
  'name',
  'start_time',
  'end_time',
  'registered',
  'attended',
  'checked_in_onsite',
  'attendance_rate',
  'state',
  /** Of a series in parts, the part the session is in (1, 2, …); empty for one event. */
  'part',
] as const;
