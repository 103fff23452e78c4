import { z } from 'zod';
import { meetingDraftSchema, type MeetingDraft } from '../../../shared/meetings/meetingDraft';
import {
  meetingFieldValues,
  withMeetingFieldValues,
  type MeetingFieldValues,
} from '../../../shared/meetings/meetingFieldValues';
import {
  changedMeetingFields,
  comparableMeetingFields,
  draftOfZoomMeeting,
  meetingBody,
  zoomLocalStart,
  type MeetingFieldName,
} from '../../../shared/meetings/meetingToZoom';
import type { ConflictTarget } from '../../../shared/sync/conflicts';
import type { ZoomMeeting, ZoomMeetingBody } from '../../../shared/zoom/zoomMeetingShapes';
import { ZoomApiError, ZoomDailyLimitError, ZoomUnreachableError } from '../../zoom/zoomErrors';
import { unlessGone } from '../runSignals';
import { meetingKinds } from './meetingPlan';
import {
  meetingOperationKind,
  type CountedCall,
  type MeetingOperation,
  type MeetingRun,
  type MeetingRunContext,
} from './meetingOperation';
import { count } from './words';

/** The host's daily limit is spent: the operation waits for the next UTC day, neither sent nor failed. */
class WaitsForQuota extends Error {}

/**
 * One create or update, counted against the host's daily limit before it goes. A call Zoom never
 * counted (not sent, refused, a per-second 429) is given back; Zoom saying the day is spent marks
 * the host spent, and the operation waits.
 */
async function counted<T>(
  ctx: MeetingRunContext,
  meeting: MeetingRun,
  op: MeetingOperation,
  call: CountedCall,
  send: () => Promise<T>,
): Promise<T> {
  if (!ctx.takeQuota(meeting, op, call)) throw new WaitsForQuota();
  try {
    return await send();
  } catch (error) {
    if (error instanceof ZoomDailyLimitError) {
      ctx.quotaSpent(meeting, op, call);
      throw new WaitsForQuota();
    }
    const isUncounted = error instanceof ZoomApiError || (error instanceof ZoomUnreachableError && error.wasNeverSent);
    if (isUncounted) ctx.returnQuota(meeting);
    throw error;
  }
}

/** Runs a step's sending; a spent daily limit leaves the operation waiting. False when it waits. */
async function unlessQuotaSpent(work: () => Promise<void>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    if (!(error instanceof WaitsForQuota)) throw error;
    return false;
  }
}

const meetingTarget = (operation: string, zoomMeetingId: string | undefined): ConflictTarget => ({
  item: 'meeting',
  operation,
  ...(zoomMeetingId === undefined ? {} : { zoom_id: zoomMeetingId }),
});

/** The words for a meeting's compared fields ("topic, waiting room"). */
function fieldWords(names: readonly string[]): string {
  return names.map((name) => name.replace(/^settings\./, '').replaceAll('_', ' ')).join(', ');
}

/** What Zoom answered to a create or a get, as recorded. */
function createdOf(meeting: ZoomMeeting) {
  return {
    zoomMeetingId: String(meeting.id),
    joinUrl: meeting.join_url,
    registrationUrl: meeting.registration_url === '' ? undefined : meeting.registration_url,
  };
}

/**
 * Create the meeting on Zoom for its host, exactly once: after a lost answer (now, or a crash in
 * an earlier run) the host's meetings are searched for one with the same topic and first start
 * that no meeting here has, and that one is adopted instead of sending again.
 */
export const meetingCreate = meetingOperationKind({
  kind: meetingKinds.create,
  payload: z.object({ meeting: meetingDraftSchema }),
  sentence: (meeting, [first]) => {
    const occurrences = first === undefined ? 0 : comparableMeetingFields(first.meeting).recurrence.end_times;
    const what = occurrences === undefined ? '' : ` (${count(occurrences, 'occurrence')})`;
    return `Create the meeting "${meeting.topic}" for ${meeting.hostEmail}${what}`;
  },
  describe: () => 'creating the meeting',
  target: () => meetingTarget(meetingKinds.create, undefined),
  async step(ctx, meeting, op) {
    const draft = op.payload.meeting;
    const body = meetingBody(draft);
    const call: CountedCall = {
      method: 'POST',
      path: `/users/${draft.host_email}/meetings`,
      what: `creating the meeting "${draft.topic}" for ${draft.host_email}`,
    };
    const firstStart = Date.parse(comparableMeetingFields(draft).start_time);
    await unlessQuotaSpent(() =>
      ctx.exactlyOnce(
        { id: op.id, state: op.state },
        async () =>
          createdOf(await counted(ctx, meeting, op, call, () => ctx.meetings.createMeeting(draft.host_email, body))),
        async () => {
          const linked = ctx.outbox.meetings.linkedMeetingIds();
          const found = (await ctx.meetings.listMeetings(draft.host_email)).find(
            (item) =>
              !linked.has(String(item.id)) &&
              item.topic === body.topic &&
              item.start_time !== undefined &&
              Date.parse(item.start_time) === firstStart,
          );
          return found === undefined ? undefined : createdOf(await ctx.meetings.getMeeting(String(found.id)));
        },
        (created) => {
          ctx.outbox.meetings.created(op.id, meeting.meetingId, created, draft);
          meeting.zoomMeetingId = created.zoomMeetingId;
        },
      ),
    );
  },
});

/**
 * The update body: the pushed fields as the draft has them; the settings whole, each as the draft
 * has it if pushed and as Zoom has it otherwise, so that nothing changed on Zoom is overwritten.
 */
function updateBody(local: MeetingDraft, remote: MeetingDraft, pushed: ReadonlySet<MeetingFieldName>) {
  const full = meetingBody(local);
  const body: Partial<ZoomMeetingBody> = {};
  if (pushed.has('topic')) body.topic = full.topic;
  if (pushed.has('agenda')) body.agenda = local.agenda ?? '';
  if (pushed.has('start_time') || pushed.has('timezone')) {
    body.start_time = zoomLocalStart(local.start_time, local.timezone);
    body.timezone = local.timezone;
  }
  if (pushed.has('duration')) body.duration = full.duration;
  if (pushed.has('recurrence')) body.recurrence = full.recurrence;
  if (pushed.has('password') && full.password !== undefined) body.password = full.password;
  const settingNames = Object.keys(full.settings) as (keyof ZoomMeetingBody['settings'])[];
  if (settingNames.some((name) => pushed.has(`settings.${name}`))) {
    body.settings = { ...full.settings };
    for (const name of settingNames) {
      if (!pushed.has(`settings.${name}`)) Object.assign(body.settings, { [name]: remote.settings[name] });
    }
  }
  return body;
}

/** A candidate draft parsed by the draft's own schema, or undefined when it breaks a rule. */
function validDraft(candidate: unknown): MeetingDraft | undefined {
  const parsed = meetingDraftSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Change fields of a meeting Zoom has: read it, compare three ways with the last synced snapshot,
 * send what changed here only, take what changed on Zoom only (and say so), and make a conflict
 * of any field both changed differently. A meeting deleted on Zoom is a conflict too.
 */
export const meetingUpdate = meetingOperationKind({
  kind: meetingKinds.update,
  /** `whole`: the planner kept their version of a meeting Zoom holds in a form Cadence cannot read. */
  payload: z.object({ changes: z.record(z.string(), z.unknown()), whole: z.boolean().optional() }),
  sentence: (meeting, [first]) =>
    `Update the meeting "${meeting.topic}" (${fieldWords(Object.keys(first?.changes ?? {}))})`,
  describe: (payload) => `updating ${fieldWords(Object.keys(payload.changes))}`,
  target: (_, zoomMeetingId) => meetingTarget(meetingKinds.update, zoomMeetingId),
  async step(ctx, meeting, op) {
    const { draft, zoomMeetingId } = meeting;
    if (draft === undefined || zoomMeetingId === undefined) return;
    const base = ctx.outbox.meetings.zoomState(meeting.meetingId).base ?? draft;
    const target = meetingTarget(meetingKinds.update, zoomMeetingId);
    let answer: ZoomMeeting;
    try {
      answer = await ctx.call(() => ctx.meetings.getMeeting(zoomMeetingId));
    } catch (error) {
      if (!(error instanceof ZoomApiError && error.status === 404)) throw error;
      ctx.meetingConflict({
        meetingId: meeting.meetingId,
        operationId: op.id,
        kind: 'remote_deleted',
        target,
        subject: 'meeting',
        local: op.payload.changes,
        message: `${meeting.topic}: someone deleted this meeting on Zoom, so Cadence's changes were not sent.`,
      });
      return;
    }
    if (op.payload.whole === true) {
      await sendWhole(ctx, meeting, op, draft, zoomMeetingId);
      return;
    }
    const read = draftOfZoomMeeting(answer, { host_email: draft.host_email, key: draft.key });
    if (!read.ok) {
      const problems = read.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      ctx.meetingConflict({
        meetingId: meeting.meetingId,
        operationId: op.id,
        kind: 'invalid_remote',
        target,
        subject: 'meeting',
        local: op.payload.changes,
        message: `${meeting.topic}: the meeting on Zoom holds what Cadence cannot (${problems}).`,
        remoteRefused: `Zoom's version breaks the meeting's rules: ${problems}. Keep yours to send it to Zoom again.`,
      });
      return;
    }
    const remote = read.draft;
    const [b, l, r] = [base, draft, remote].map(comparableMeetingFields) as [
      ReturnType<typeof comparableMeetingFields>,
      ReturnType<typeof comparableMeetingFields>,
      ReturnType<typeof comparableMeetingFields>,
    ];
    const localChanged = new Set(changedMeetingFields(l, b));
    const remoteChanged = new Set(changedMeetingFields(r, b));
    const differing = new Set(changedMeetingFields(l, r));
    const pushed = [...localChanged].filter((name) => !remoteChanged.has(name));
    const adopted = [...remoteChanged].filter((name) => !localChanged.has(name));
    const converged = [...localChanged].filter((name) => remoteChanged.has(name) && !differing.has(name));
    const conflicts = [...localChanged].filter((name) => remoteChanged.has(name) && differing.has(name));
    const body = updateBody(draft, remote, new Set(pushed));
    if (pushed.length > 0) {
      const call: CountedCall = { method: 'PATCH', path: `/meetings/${zoomMeetingId}`, what: 'updating the meeting' };
      const isSent = await unlessQuotaSpent(() =>
        ctx.call(() => counted(ctx, meeting, op, call, () => ctx.meetings.updateMeeting(zoomMeetingId, body))),
      );
      // The daily limit is spent: nothing was sent, and nothing is settled until it is.
      if (!isSent) return;
    }
    ctx.outbox.transaction(() => {
      const adoptedValues = meetingFieldValues(r, adopted);
      const isAdopted =
        adopted.length === 0 ||
        ctx.adoptIntoMeeting({
          meeting,
          operationId: op.id,
          remote: adoptedValues,
          local: meetingFieldValues(l, adopted),
        });
      if (conflicts.length > 0) {
        ctx.meetingConflict({
          meetingId: meeting.meetingId,
          operationId: op.id,
          kind: 'item_fields',
          target,
          subject: fieldWords(conflicts),
          base: meetingFieldValues(b, conflicts),
          local: meetingFieldValues(l, conflicts),
          remote: meetingFieldValues(r, conflicts),
          message: `${meeting.topic}: ${fieldWords(conflicts)} changed both here and on Zoom.`,
        });
      }
      const snapshotValues: MeetingFieldValues = {
        ...meetingFieldValues(r, converged),
        ...meetingFieldValues(l, pushed),
        ...(isAdopted ? adoptedValues : {}),
      };
      const snapshot = validDraft(withMeetingFieldValues(base, snapshotValues)) ?? remote;
      const isSettled = isAdopted && conflicts.length === 0;
      ctx.outbox.meetings.merged(
        meeting.meetingId,
        snapshot,
        isSettled ? op.id : undefined,
        answer.registration_url === undefined || answer.registration_url === '' ? undefined : answer.registration_url,
      );
    });
  },
});

/** The whole draft over Zoom's meeting; it becomes the snapshot. */
async function sendWhole(
  ctx: MeetingRunContext,
  meeting: MeetingRun,
  op: MeetingOperation,
  draft: MeetingDraft,
  zoomMeetingId: string,
): Promise<void> {
  const call: CountedCall = { method: 'PATCH', path: `/meetings/${zoomMeetingId}`, what: 'updating the whole meeting' };
  await unlessQuotaSpent(async () => {
    await ctx.call(() =>
      counted(ctx, meeting, op, call, () => ctx.meetings.updateMeeting(zoomMeetingId, meetingBody(draft))),
    );
    ctx.outbox.meetings.merged(meeting.meetingId, draft, op.id);
  });
}

/** Delete the whole recurring meeting on Zoom; gone already (someone deleted it, or our answer was lost) is deleted either way. */
export const meetingDelete = meetingOperationKind({
  kind: meetingKinds.delete,
  payload: z.object({ zoom_meeting_id: z.string() }),
  sentence: (meeting) => `Delete the meeting "${meeting.topic}" from Zoom`,
  describe: () => 'deleting the meeting',
  target: (payload) => meetingTarget(meetingKinds.delete, payload.zoom_meeting_id),
  async step(ctx, meeting, op) {
    await ctx.call(() => unlessGone(() => ctx.meetings.deleteMeeting(op.payload.zoom_meeting_id)));
    ctx.outbox.meetings.deleted(op.id, meeting.meetingId);
  },
});
