import { z } from 'zod';
import { emailSchema, optionalText, requiredText } from '../fieldSchemas';

/**
 * Onsite check-in: a desk downloads an event's registrants, records check-ins offline and uploads
 * them to Zoom in batches. Zoom knows people by email, keeps no scan time and has no undo, so the
 * time, the desk and undo are Cadence's own; the desk and the batch travel in Zoom's `source`.
 */

/** A Zoom event ID or session ID, as Zoom writes them. */
const zoomIdSchema = z
  .string()
  .trim()
  .min(1, { error: 'A Zoom ID cannot be empty.' })
  .max(64, { error: 'A Zoom ID is at most 64 characters.' })
  .regex(/^[\w.~-]+$/, { error: 'A Zoom ID has only letters, digits, "-", "_", "." and "~".' });

/** The name of this laptop's desk ("Door A"); it reaches Zoom inside each batch's `source`. */
export const deskNameSchema = requiredText('The desk name', 40);

/** A check-in for the whole event (`sessionId` null) or for one session of a recurring event. */
export const checkInScopeSchema = z.strictObject({
  eventId: zoomIdSchema,
  sessionId: zoomIdSchema.nullable().default(null),
});
export type CheckInScope = z.output<typeof checkInScopeSchema>;

/** One session of a downloaded event, in the event's order. */
export const checkInSessionSchema = z.object({
  sessionId: z.string(),
  /** 1 for the first session. */
  position: z.number().int().min(1),
  name: z.string(),
  /** UTC instants. */
  startTime: z.iso.datetime(),
  endTime: z.iso.datetime(),
});
export type CheckInSession = z.output<typeof checkInSessionSchema>;

/** Counts the check-in screen keeps in sight. */
export const checkInCountsSchema = z.object({
  registered: z.number().int(),
  /** People checked in here or elsewhere (once each), for the event or the session asked. */
  checkedIn: z.number().int(),
  /** Recorded here and not yet on Zoom. */
  waiting: z.number().int(),
  /** Refused by Zoom, kept with its words until someone looks. */
  refused: z.number().int(),
});
export type CheckInCounts = z.output<typeof checkInCountsSchema>;

/** A downloaded event, as the check-in screen and `cadence checkin status` list it. */
export const checkInEventSchema = z.object({
  eventId: z.string(),
  /** The series it belongs to when Cadence has it, null for an event made elsewhere. */
  seriesId: z.string().nullable(),
  name: z.string(),
  timezone: z.string(),
  /** Zoom's event type: check-in is for people at a venue. */
  attendanceType: z.enum(['IN_PERSON', 'HYBRID', 'VIRTUAL']),
  sessions: z.array(checkInSessionSchema),
  /** When the registrant list was last downloaded (UTC). */
  downloadedAt: z.iso.datetime(),
  /** When this desk last uploaded check-ins, and last read everyone's from Zoom (UTC); null before. */
  lastUploadAt: z.iso.datetime().nullable(),
  lastCheckInsReadAt: z.iso.datetime().nullable(),
  counts: checkInCountsSchema,
});
export type CheckInEvent = z.output<typeof checkInEventSchema>;

/** Where a check-in stands. */
export const checkInStateSchema = z.enum([
  /** Recorded on this laptop, not yet sent. */
  'waiting',
  /** Sent in a batch whose answer has not arrived; checked by listing Zoom's check-ins before any resend. */
  'sending',
  /** Zoom has it (from this desk's batch, or it already had the person checked in). */
  'uploaded',
  /** Zoom refused it; `refusal` holds Zoom's words. */
  'refused',
  /** Taken back before it was uploaded; kept for the record, never sent. */
  'undone',
]);
export type CheckInState = z.output<typeof checkInStateSchema>;

/** One check-in: recorded at this desk, or seen on Zoom from another desk. */
export const checkInSchema = z.object({
  /** Cadence's own ID (a UUID), also for check-ins seen from elsewhere. */
  id: z.string(),
  eventId: z.string(),
  sessionId: z.string().nullable(),
  email: z.string(),
  /** When it was recorded (UTC), null for a check-in only seen on Zoom (Zoom keeps no time). */
  recordedAt: z.iso.datetime().nullable(),
  /** The desk that recorded it; for one seen on Zoom, the desk its `source` names, if it does. */
  desk: z.string().nullable(),
  /** Recorded by this laptop, or seen on Zoom. */
  origin: z.enum(['here', 'elsewhere']),
  /** The person was not on the downloaded list: Zoom decides at upload. */
  walkIn: z.boolean(),
  state: checkInStateSchema,
  refusal: z.string().nullable(),
  uploadedAt: z.iso.datetime().nullable(),
});
export type CheckIn = z.output<typeof checkInSchema>;

/** A registrant as the desk finds them, with their check-in for the scope searched, if any. */
export const checkInPersonSchema = z.object({
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  organisation: z.string(),
  ticketType: z.string(),
  ticketIds: z.array(z.string()),
  /** Sessions their tickets admit to; null when a ticket admits to every session. */
  sessionIds: z.array(z.string()).nullable(),
  /** Whether their tickets admit them to the scope searched. */
  admitted: z.boolean(),
  checkIn: checkInSchema.nullable(),
});
export type CheckInPerson = z.output<typeof checkInPersonSchema>;

export const checkInSearchSchema = checkInScopeSchema.extend({
  /** What the staffer typed: part of a name, an email, a ticket ID, or a scanned QR code's text. */
  query: z.string().max(2048, { error: 'A search is at most 2,048 characters.' }),
  limit: z.number().int().min(1).max(200).default(50),
});

export const checkInMatchesSchema = z.object({
  /** How many people match in all (the list shows at most `limit`). */
  total: z.number().int(),
  people: z.array(checkInPersonSchema),
});
export type CheckInMatches = z.output<typeof checkInMatchesSchema>;

/** Whom to check in: a person found on the list, what a scanner or camera read, or a walk-in. */
export const checkInWhoSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('person'), email: emailSchema }),
  /** A ticket ID, a QR code's text or URL, or an email, exactly as read. */
  z.strictObject({ kind: z.literal('scan'), text: z.string().trim().min(1).max(2048) }),
  z.strictObject({
    kind: z.literal('walk_in'),
    email: emailSchema,
    firstName: optionalText('The first name', 64).default(''),
    lastName: optionalText('The last name', 64).default(''),
    organisation: optionalText('The organisation', 128).default(''),
  }),
]);
export type CheckInWho = z.output<typeof checkInWhoSchema>;

export const recordCheckInSchema = checkInScopeSchema.extend({
  who: checkInWhoSchema,
  /** The desk; by default the name set on this laptop. */
  desk: deskNameSchema.optional(),
});

/**
 * What the desk shows after a scan or a click: green `checked_in`; amber `already_checked_in`
 * (with when and where) and `walk_in`; red `not_registered` and `no_ticket_for_session`.
 */
export const checkInOutcomeSchema = z.enum([
  'checked_in',
  'already_checked_in',
  'walk_in',
  'not_registered',
  'no_ticket_for_session',
]);
export type CheckInOutcome = z.output<typeof checkInOutcomeSchema>;

export const checkInResultSchema = z.object({
  outcome: checkInOutcomeSchema,
  /** The person, when the list has them. */
  person: checkInPersonSchema.nullable(),
  /** The check-in recorded now (checked_in, walk_in), or the earlier one (already_checked_in). */
  checkIn: checkInSchema.nullable(),
  /** The sentence the desk shows, such as "Already checked in at 10:42 at Door B". */
  message: z.string(),
});
export type CheckInResult = z.output<typeof checkInResultSchema>;

/** A refusal Zoom gave for one person in a batch, kept until the check-in is settled. */
export const checkInRefusalSchema = z.object({
  checkInId: z.string(),
  eventId: z.string(),
  sessionId: z.string().nullable(),
  email: z.string(),
  desk: z.string().nullable(),
  recordedAt: z.iso.datetime().nullable(),
  /** Zoom's words. */
  message: z.string(),
});
export type CheckInRefusal = z.output<typeof checkInRefusalSchema>;

/** What an upload did: `cadence checkin push` exits 0, 3 (some refused) or 4 (Zoom out of reach). */
export const checkInUploadReportSchema = z.object({
  outcome: z.enum(['uploaded', 'refusals', 'offline', 'nothing_to_upload']),
  /** Check-ins Zoom took in this upload, counting those it already had. */
  uploaded: z.number().int(),
  /** Of those, the ones Zoom already had (from another desk, or a batch whose answer was lost). */
  alreadyOnZoom: z.number().int(),
  refusals: z.array(checkInRefusalSchema),
  /** Still waiting (offline, or left for the next upload). */
  waiting: z.number().int(),
  /** HTTP requests sent to Zoom, the token included. */
  requests: z.number().int(),
  /** Of `requests`, those that read everyone's check-ins back from Zoom after the upload. */
  readBackRequests: z.number().int(),
  message: z.string(),
});
export type CheckInUploadReport = z.output<typeof checkInUploadReportSchema>;

/** Per desk, as `cadence checkin status` and the numbers panel show them. */
export const checkInDeskCountSchema = z.object({
  desk: z.string(),
  checkedIn: z.number().int(),
  waiting: z.number().int(),
  refused: z.number().int(),
});

export const checkInStatusSchema = z.object({
  events: z.array(
    checkInEventSchema.extend({
      desks: z.array(checkInDeskCountSchema),
      refusals: z.array(checkInRefusalSchema),
    }),
  ),
  /** This laptop's desk name. */
  desk: z.string(),
});
export type CheckInStatus = z.output<typeof checkInStatusSchema>;

/** The numbers the staff want: of the event or of one session. */
export const checkInNumbersSchema = z.object({
  counts: checkInCountsSchema,
  sessions: z.array(
    z.object({
      sessionId: z.string(),
      position: z.number().int(),
      registered: z.number().int(),
      checkedIn: z.number().int(),
    }),
  ),
  desks: z.array(checkInDeskCountSchema),
  /** Check-ins with a known time per quarter hour (start of the quarter, UTC), oldest first. */
  overTime: z.array(z.object({ from: z.iso.datetime(), checkedIn: z.number().int() })),
});
export type CheckInNumbers = z.output<typeof checkInNumbersSchema>;

/** What to download: the event of a series Cadence has on Zoom, or any Zoom event by its ID. */
export const checkInDownloadSchema = z.union([
  z.strictObject({ seriesId: z.string().min(1) }),
  z.strictObject({ eventId: zoomIdSchema }),
]);

/** How a badge is laid out; printed at the size chosen, through the system's print dialog. */
export const badgeLayoutSchema = z.enum(['none', 'name', 'name_organisation', 'name_organisation_ticket']);
export const badgeSizeSchema = z.enum(['4x3in', '4x6in', 'A6', '86x54mm']);

/** This laptop's check-in settings (kept on the laptop; the kiosk PIN only as a salted hash, in main). */
export const checkInSettingsSchema = z.object({
  desk: deskNameSchema,
  /** Keep the list empty until the staffer searches, for attendees' privacy at an open desk. */
  listOnlyWhenSearching: z.boolean(),
  badgeLayout: badgeLayoutSchema,
  badgeSize: badgeSizeSchema,
  /** Upload in the background every few seconds while Zoom is reachable. */
  uploadAutomatically: z.boolean(),
  kioskPinSet: z.boolean(),
});
export type CheckInSettings = z.output<typeof checkInSettingsSchema>;

/** A kiosk PIN: 4 to 12 digits. */
export const kioskPinSchema = z.string().regex(/^\d{4,12}$/, { error: 'A kiosk PIN is 4 to 12 digits.' });

/** The kiosk: a locked self check-in screen for one event or session, left only with the PIN. */
export const kioskStateSchema = z.object({
  locked: z.boolean(),
  scope: checkInScopeSchema.nullable(),
  /** After too many wrong PINs, no PIN is tried before this time (UTC); null otherwise. */
  retryAfter: z.iso.datetime().nullable(),
});
export type KioskState = z.output<typeof kioskStateSchema>;
