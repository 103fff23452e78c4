import { z } from 'zod';
import { appInfoSchema, onlineStateSchema } from '../appInfo';
import { appSettingsSchema } from '../appSettings';
import { attendeeImportSummarySchema, attendeeRowSchema } from '../drafts/attendeeList';
import { placeCountSchema } from '../drafts/capacity';
import { draftSummarySchema, importSummarySchema, syncStatusSchema } from '../drafts/draftSummary';
import { patternChangePreviewSchema } from '../drafts/patternChange';
import { holidayCountrySchema, holidayListSchema, holidayQuerySchema } from '../drafts/holidayChoices';
import { seriesDraftSchema } from '../drafts/seriesDraft';
import { seriesLinksSchema } from '../drafts/seriesLink';
import { seriesPartSummarySchema } from '../drafts/seriesPartSummary';
import { zoomPagesSchema } from '../zoom/zoomPages';
import { conflictSummarySchema, resolutionResultSchema, resolutionSchema } from '../sync/conflicts';
import { plannedCallSchema, syncProgressSchema, syncReportSchema } from '../sync/syncReport';
import { pendingChangeSchema, syncRunSchema } from '../sync/syncRun';
import {
  connectInputSchema,
  connectionStatusSchema,
  connectionTestSchema,
  hubSummarySchema,
  zoomPlanSchema,
} from '../zoomConnection';
import { limits } from '../limits';
import { meetingImportReportSchema, meetingSummarySchema, storedMeetingSchema } from '../meetings/meetingViews';
import { exportedFileSchema, exportRequestSchema } from '../export/exportFile';
import { historyPageSchema, historyQuerySchema } from '../history/seriesHistory';
import { seededEventSchema } from '../zoom/sandboxSeed';
import { attendanceReportSchema, reportSourceSchema } from '../reports/attendanceReport';
import {
  refreshReportSchema,
  zoomEventsPageSchema,
  zoomEventsQuerySchema,
  zoomOpenInputSchema,
  zoomOpenReportSchema,
  zoomOriginSchema,
} from '../zoom/zoomCatalog';
import {
  checkInDownloadSchema,
  checkInEventSchema,
  checkInMatchesSchema,
  checkInNumbersSchema,
  checkInResultSchema,
  checkInScopeSchema,
  checkInSearchSchema,
  checkInSettingsSchema,
  checkInStatusSchema,
  checkInUploadReportSchema,
  kioskPinSchema,
  kioskStateSchema,
  recordCheckInSchema,
} from '../checkin/checkIn';

/** The most rows one attendee import may hold. */
export const maxImportRows = limits.attendeesPerSeries;

/**
 * One channel of the contract: what the renderer may send (validated in main) and what it gets back.
 * Inputs are always strict objects, so unknown fields are refused rather than ignored.
 */
export interface ChannelDefinition<Input extends z.ZodObject, Result extends z.ZodType> {
  readonly input: Input;
  readonly result: Result;
}

function channel<Input extends z.ZodObject, Result extends z.ZodType>(
  input: Input,
  result: Result,
): ChannelDefinition<Input, Result> {
  return { input, result };
}

/** Requests from the renderer to main, named `domain.action`; `window.cadence.domain.action()`. */
export const channels = {
  'app.info': channel(z.strictObject({}), appInfoSchema),
  /** Checks now whether Zoom is reachable, instead of waiting for the next scheduled check. */
  'app.checkOnline': channel(z.strictObject({}), onlineStateSchema),
  /** The planner's app settings. */
  'app.settings': channel(z.strictObject({}), appSettingsSchema),
  /** Changes the settings given; answers them all as they now are. */
  'app.changeSettings': channel(appSettingsSchema.partial().strict(), appSettingsSchema),
  /** Every draft and synced series, with its sync state and counts. */
  'drafts.list': channel(z.strictObject({}), z.array(draftSummarySchema)),
  /** A draft; with `attendees: false`, without them (the series editor, which lists them apart). */
  'drafts.get': channel(
    z.strictObject({ id: z.string().min(1), attendees: z.boolean().default(true) }),
    z.object({ id: z.string(), draft: seriesDraftSchema }),
  ),
  /** Where a synced series lives on Zoom (hub name, event page, registration link); nulls until Zoom gave them. */
  'drafts.zoomPages': channel(z.strictObject({ id: z.string().min(1) }), zoomPagesSchema),
  /**
   * Saves a draft at once (there is no Save button); without `id` it creates a series. The draft
   * is validated in main, so its problems come back at paths relative to the draft.
   */
  'drafts.save': channel(
    z.strictObject({ id: z.string().min(1).optional(), draft: z.unknown() }),
    z.object({ id: z.string(), isNew: z.boolean() }),
  ),
  /** Saves the series editor's fields; the attendees, left out, stay as they are. */
  'drafts.saveDetails': channel(
    z.strictObject({ id: z.string().min(1), draft: z.unknown() }),
    z.object({ id: z.string(), isNew: z.boolean() }),
  ),
  /** A new draft like the series, without its attendees; answers the new series' ID. */
  'drafts.duplicate': channel(
    z.strictObject({ id: z.string().min(1) }),
    z.object({ id: z.string(), isNew: z.boolean() }),
  ),
  /** Keeps a series out of every sync ("Not ready"), or lets it sync again; its changes wait meanwhile. */
  'drafts.setReady': channel(
    z.strictObject({ id: z.string().min(1), isReady: z.boolean() }),
    z.object({ isReady: z.boolean() }),
  ),
  'drafts.delete': channel(
    z.strictObject({ id: z.string().min(1) }),
    z.object({ outcome: z.enum(['removed', 'queued']) }),
  ),
  /**
   * What changing a published series' pattern would do (Zoom locks it): a new event with the
   * edited fields, every registration carried over, the old event cancelled with a message.
   * Nothing is written; problems come back at the draft's paths and at `cancel_message`.
   */
  'drafts.patternChangePreview': channel(
    z.strictObject({ id: z.string().min(1), draft: z.unknown(), cancelMessage: z.unknown().optional() }),
    patternChangePreviewSchema,
  ),
  /** Makes the pattern change the preview showed, in one transaction; answers the new series' ID. */
  'drafts.changePattern': channel(
    z.strictObject({ id: z.string().min(1), draft: z.unknown(), cancelMessage: z.unknown() }),
    z.object({ id: z.string(), preview: patternChangePreviewSchema }),
  ),
  /**
   * The parts of a series longer than one Zoom event holds (60 sessions), in order, each with its
   * own event's ID and sync state; empty for a series that is one event.
   */
  'drafts.parts': channel(z.strictObject({ id: z.string().min(1) }), z.array(seriesPartSummarySchema)),
  /** The series a series continues (a pattern change), and those that continue it. */
  'drafts.links': channel(z.strictObject({ id: z.string().min(1) }), seriesLinksSchema),
  /** Imports a series file (its parsed JSON); problems come back by JSON path, nothing half-done. */
  'drafts.import': channel(
    z.strictObject({ file: z.unknown(), dryRun: z.boolean().default(false) }),
    importSummarySchema,
  ),
  /** A series' attendees in list order, with their registration IDs. */
  'attendees.list': channel(z.strictObject({ seriesId: z.string().min(1) }), z.array(attendeeRowSchema)),
  /** Adds a person (no `id`) or changes one; problems come back at `attendee.<field>`. */
  'attendees.save': channel(
    z.strictObject({ seriesId: z.string().min(1), id: z.string().min(1).optional(), attendee: z.unknown() }),
    z.object({ id: z.string() }),
  ),
  'attendees.remove': channel(
    z.strictObject({ seriesId: z.string().min(1), ids: z.array(z.string().min(1)).min(1).max(100_000) }),
    z.object({ removed: z.number().int() }),
  ),
  /**
   * A large import travels in parts, each one request: begin with the number of rows, send the
   * rows in parts (each part starts at row `offset`, from 0), then commit. People are matched by
   * email; all rows are written in one transaction or none, problems at `attendees[i].<field>`.
   */
  'attendees.importBegin': channel(
    z.strictObject({ seriesId: z.string().min(1), total: z.number().int().min(1).max(maxImportRows) }),
    z.object({ importId: z.string() }),
  ),
  'attendees.importRows': channel(
    z.strictObject({
      importId: z.string().min(1),
      offset: z.number().int().min(0).max(maxImportRows),
      attendees: z.array(z.unknown()).min(1).max(maxImportRows),
    }),
    z.object({ received: z.number().int() }),
  ),
  'attendees.importCommit': channel(z.strictObject({ importId: z.string().min(1) }), attendeeImportSummarySchema),
  /** Forgets an import before its commit; the list stays as it was. */
  'attendees.importCancel': channel(
    z.strictObject({ importId: z.string().min(1) }),
    z.object({ wasStaged: z.boolean() }),
  ),
  /** Who chose a session: how many, and the first few by name (or email). */
  'attendees.pickers': channel(
    z.strictObject({ seriesId: z.string().min(1), occurrence: z.number().int().min(1) }),
    z.object({ count: z.number().int(), names: z.array(z.string()) }),
  ),
  /** Moves every pick of session `from` to session `to`, checked by the series' rules. */
  'attendees.movePicks': channel(
    z.strictObject({ seriesId: z.string().min(1), from: z.number().int().min(1), to: z.number().int().min(1) }),
    z.object({ moved: z.number().int() }),
  ),
  /** Moves a waiting person to `place` in the series' waiting list (1 is next in line). */
  'attendees.moveWaiting': channel(
    z.strictObject({ seriesId: z.string().min(1), id: z.string().min(1), place: z.number().int().min(1) }),
    z.object({ place: z.number().int() }),
  ),
  /** Places taken and people waiting: for the series, or for each session with a capacity. */
  'attendees.places': channel(z.strictObject({ seriesId: z.string().min(1) }), z.array(placeCountSchema)),
  'sync.status': channel(z.strictObject({}), syncStatusSchema),
  /** What is waiting to reach Zoom, in the planner's words. */
  'sync.pending': channel(z.strictObject({}), z.array(pendingChangeSchema)),
  /** The latest sync runs, newest first. */
  'sync.runs': channel(z.strictObject({ limit: z.number().int().min(1).max(200).default(20) }), z.array(syncRunSchema)),
  /**
   * Sends the outbox to Zoom; progress arrives as `sync.progress` events. What would become visible
   * to the public (`public_effect` in the waiting list) goes only with `makePublic`, once the
   * planner agreed; otherwise it and what depends on it keep waiting.
   */
  'sync.run': channel(z.strictObject({ makePublic: z.boolean().default(false) }), syncReportSchema),
  /** Stops the running sync after the calls on their way; what is left waits. */
  'sync.cancel': channel(z.strictObject({}), z.object({ wasRunning: z.boolean() })),
  /** Every call a sync would make now, in order; nothing is sent. */
  'sync.plan': channel(z.strictObject({}), z.array(plannedCallSchema)),
  'conflicts.list': channel(z.strictObject({}), z.array(conflictSummarySchema)),
  'conflicts.resolve': channel(
    z.strictObject({ id: z.number().int().positive(), keep: resolutionSchema }),
    resolutionResultSchema,
  ),
  /** Undoes taking Zoom's version: the draft gets back what it replaced, and the conflict is open again. */
  'conflicts.undo': channel(
    z.strictObject({ id: z.number().int().positive() }),
    z.object({ reopened: z.number().int(), message: z.string() }),
  ),
  /** The Zoom connection: account, plan, endpoints; never the secret. */
  'zoom.status': channel(z.strictObject({}), connectionStatusSchema),
  /** Checks the credentials with Zoom, then keeps them in the OS keychain; nothing is kept when Zoom refuses. */
  'zoom.connect': channel(
    connectInputSchema,
    z.object({ hubs: z.array(hubSummarySchema), status: connectionStatusSchema }),
  ),
  /** Connects to the built-in sandbox, for trying Cadence without a Zoom account. */
  'zoom.trySandbox': channel(
    z.strictObject({}),
    z.object({ hubs: z.array(hubSummarySchema), status: connectionStatusSchema }),
  ),
  /** Signs in and lists the hubs with the stored credentials. */
  'zoom.test': channel(z.strictObject({}), connectionTestSchema),
  'zoom.hubs': channel(z.strictObject({}), z.array(hubSummarySchema)),
  'zoom.setPlan': channel(z.strictObject({ plan: zoomPlanSchema }), connectionStatusSchema),
  /** Removes the credentials from the keychain. */
  'zoom.forget': channel(z.strictObject({}), z.object({ wasConnected: z.boolean() })),
  /** Adds the tutorial's example events to the built-in sandbox (never to a real account), as made in Zoom's console. */
  'zoom.seedSandbox': channel(z.strictObject({}), z.object({ events: z.array(seededEventSchema) })),
  /** One page of the account's events on Zoom, those Cadence did not create too; each says whether it is open here. */
  'zoom.events': channel(zoomEventsQuerySchema, zoomEventsPageSchema),
  /**
   * Brings events from Zoom into Cadence as linked series whose synced snapshot is what Zoom holds,
   * so the next sync sends nothing; an event already open here is refreshed instead, never doubled.
   * Progress arrives as `zoom.openProgress` events.
   */
  'zoom.open': channel(zoomOpenInputSchema, zoomOpenReportSchema),
  /** Reads a synced series back from Zoom: Zoom's changes come into the draft, or become conflicts. */
  'zoom.refresh': channel(z.strictObject({ seriesId: z.string().min(1) }), refreshReportSchema),
  /** Where a series came from (opened from Zoom, when), when it was last read back, and what stays on Zoom only. */
  'zoom.origin': channel(z.strictObject({ seriesId: z.string().min(1) }), zoomOriginSchema),
  /** A series' history of changes, newest first, filtered by who, what or text. */
  'history.list': channel(historyQuerySchema, historyPageSchema),
  /** The events downloaded for check-in on this laptop, newest download first. */
  'checkin.events': channel(z.strictObject({}), z.array(checkInEventSchema)),
  /**
   * Downloads (or refreshes) an event's registrants and tickets, and everyone's check-ins so far;
   * the list is replaced in one transaction, and check-ins recorded here are kept.
   */
  'checkin.download': channel(z.strictObject({ from: checkInDownloadSchema }), checkInEventSchema),
  /** People matching what the staffer typed, for the event or one session; an empty query lists everyone. */
  'checkin.search': channel(checkInSearchSchema, checkInMatchesSchema),
  /** Records a check-in at once, durably, offline; answers what the desk shows. */
  'checkin.record': channel(recordCheckInSchema, checkInResultSchema),
  /** Takes back a check-in recorded here that has not been uploaded. */
  'checkin.undo': channel(z.strictObject({ checkInId: z.string().min(1).max(64) }), z.object({ undone: z.boolean() })),
  /** Every downloaded event with its counts per desk and Zoom's refusals. */
  'checkin.status': channel(z.strictObject({}), checkInStatusSchema),
  /** Checked in against registered, per session, per desk and over time. */
  'checkin.numbers': channel(checkInScopeSchema, checkInNumbersSchema),
  /** Who checked in when and where, as CSV text with a file name to save it under. */
  'checkin.exportCsv': channel(
    z.strictObject({ eventId: checkInScopeSchema.shape.eventId }),
    z.object({ fileName: z.string(), csv: z.string() }),
  ),
  'checkin.settings': channel(z.strictObject({}), checkInSettingsSchema),
  'checkin.changeSettings': channel(
    checkInSettingsSchema.omit({ kioskPinSet: true }).partial().strict(),
    checkInSettingsSchema,
  ),
  /** Sets the PIN that leaves the kiosk (only while the kiosk is not locked). */
  'checkin.setKioskPin': channel(z.strictObject({ pin: kioskPinSchema }), checkInSettingsSchema),
  'checkin.kiosk': channel(z.strictObject({}), kioskStateSchema),
  /**
   * Locks this laptop to self check-in for one event or session: until the PIN is given, main
   * answers only the channels the kiosk needs, whatever the page asks, and across restarts.
   */
  'checkin.lockKiosk': channel(z.strictObject({ scope: checkInScopeSchema }), kioskStateSchema),
  /** Leaves the kiosk with the PIN; a wrong PIN answers `locked: true` and waits before the next try. */
  'checkin.unlockKiosk': channel(z.strictObject({ pin: z.string().max(64) }), kioskStateSchema),
  /** Uploads what waits (of one event, or all), then reads everyone's check-ins back from Zoom. */
  'checkin.upload': channel(
    z.strictObject({ eventId: checkInScopeSchema.shape.eventId.optional() }),
    checkInUploadReportSchema,
  ),
  /** Every recurring meeting drafted or synced, with where it stands with Zoom. */
  'meetings.list': channel(z.strictObject({}), z.array(meetingSummarySchema)),
  'meetings.get': channel(z.strictObject({ id: z.string().min(1) }), storedMeetingSchema),
  /**
   * Saves a meeting draft (new without `id`) and plans what Zoom must get, in one transaction. The
   * draft is validated in main; its problems come back at paths relative to the draft.
   */
  'meetings.save': channel(
    z.strictObject({ id: z.string().min(1).optional(), draft: z.unknown() }),
    z.object({ id: z.string(), isNew: z.boolean() }),
  ),
  /** A meeting never sent is removed; one on Zoom is deleted there at the next sync. */
  'meetings.delete': channel(
    z.strictObject({ id: z.string().min(1) }),
    z.object({ outcome: z.enum(['removed', 'queued']) }),
  ),
  /**
   * Imports a recurring-meetings config (the script's format, its text) as meeting drafts; problems
   * come back by JSON path, all at once, nothing half-done. The app never uses a \`zoom_api\` block:
   * the report warns that the file holds a secret.
   */
  'meetings.importConfig': channel(
    z.strictObject({ text: z.string().max(5_000_000), dryRun: z.boolean().default(false) }),
    meetingImportReportSchema,
  ),
  /** The countries (and their regions) whose public holidays a series may skip; offline data. */
  'holidays.calendars': channel(z.strictObject({}), z.array(holidayCountrySchema)),
  /** A calendar's public holidays between two dates, for the preview; an unknown code is refused at its field. */
  'holidays.between': channel(holidayQuerySchema, holidayListSchema),
  /** An export of the chosen series (all by default), to save as a file. */
  'export.file': channel(exportRequestSchema, exportedFileSchema),
  /** An event's per-session attendance as last downloaded, read offline; null when never downloaded. */
  'reports.get': channel(z.strictObject({ source: reportSourceSchema }), attendanceReportSchema.nullable()),
  /** Downloads the event's registrations and attendance reports from Zoom again and keeps them. */
  'reports.download': channel(z.strictObject({ source: reportSourceSchema }), attendanceReportSchema),
  /** The kept report as CSV text, a session a line, with a file name to save it under. */
  'reports.exportCsv': channel(
    z.strictObject({ source: reportSourceSchema }),
    z.object({ fileName: z.string(), csv: z.string() }),
  ),
} as const;

/** Notifications from main to the renderer: progress and state changes. */
export const events = {
  'app.online': onlineStateSchema,
  'sync.progress': syncProgressSchema,
  /** A sync Cadence started by itself (Zoom reachable again) ended: the counts have changed. */
  'sync.finished': syncReportSchema,
  /** The desktop window is closing: save what waits, then close it (`window.close()`). */
  'app.saveBeforeClose': z.object({}),
  /** Check-ins of an event changed outside the screen: a background upload, another desk's check-ins seen. */
  'checkin.changed': z.object({ eventId: z.string() }),
  /** Opening events from Zoom: how many of how many are done, and which one now. */
  'zoom.openProgress': z.object({ done: z.number().int(), total: z.number().int(), name: z.string() }),
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelResult<C extends ChannelName> = z.output<Channels[C]['result']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** Channel names as a runtime list, for hosts that register each channel by name. */
export const channelNames = Object.keys(channels) as ChannelName[];
/** Event names as a runtime list. */
export const eventNames = Object.keys(events) as EventName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.hasOwn(channels, name);
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}

/** An event as it travels from main to a renderer: the contract name and its validated payload. */
export interface CadenceEvent {
  name: EventName;
  payload: unknown;
}
