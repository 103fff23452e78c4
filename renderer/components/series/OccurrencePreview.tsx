import { memo, useEffect, useRef, useState } from 'react';
import type { OccurrenceChange } from '../../../shared/drafts/occurrenceChange';
import { describeRecurrence } from '../../../shared/recurrence/describeRecurrence';
import { problemWithin } from '../../lib/issues';
import { partHeading, partsHint, previewParts, type PreviewPart } from '../../lib/previewParts';
import { previewSessions, type PreviewSession } from '../../lib/schedulePreview';
import { sessionChoiceOf } from '../../lib/sessionsChoice';
import { plural } from '../../lib/words';
import { formatDay, plannerTimeZone, wallClockInputs } from '../../lib/zonedTime';
import { useAttendeeZoneStore } from '../../stores/useAttendeeZoneStore';
import { useEditorStore, type SeriesDetails } from '../../stores/useEditorStore';
import { Field } from '../Field';
import { OccurrenceTimes } from '../OccurrenceTimes';
import { ZoneOptions } from '../ZoneOptions';
import { cancelQuestion } from '../../lib/cancelQuestion';
import { useAppStore } from '../../stores/useAppStore';
import type { EditorPartProps } from './editing';
import { withClosedDays } from './ClosedDaysFields';
import { MovePicksPanel, type SessionPickers } from './MovePicksPanel';
import { SessionEditForm } from './SessionEditForm';
import { SessionsList } from './SessionsList';

/** The details with a closed-day change undone: its date is kept, so it is never taken out again. */
function restoredFromClosedDay(details: SeriesDetails, occurrence: number, date: string): SeriesDetails {
  return withChange(
    withClosedDays(details, (closed) => ({ ...closed, kept: [...new Set([...closed.kept, date])].sort() })),
    occurrence,
    undefined,
  );
}

function withChange(details: SeriesDetails, occurrence: number, change: OccurrenceChange | undefined): SeriesDetails {
  if (details.event_type !== 'RECURRING') return details;
  const others = details.occurrence_changes.filter((existing) => existing.occurrence !== occurrence);
  const changes = change === undefined ? others : [...others, change].sort((a, b) => a.occurrence - b.occurrence);
  return { ...details, occurrence_changes: changes };
}

/**
 * What a row of the preview shows of one session, with Move and Cancel (or Restore). Memoised: a keystroke elsewhere
 * in the form leaves its props as they were, so it is not rendered again.
 */
const SessionRow = memo(function SessionRow({
  session,
  timezone,
  canChange,
  attendeeZone,
  edit,
  problem,
  onHold,
  isKept,
}: {
  session: PreviewSession;
  timezone: string;
  canChange: boolean;
  /** The session is on a closed day the planner chose to keep. */
  isKept: boolean;
  /** Another zone whose times are shown too: the attendees'. */
  attendeeZone: string | undefined;
  edit: EditorPartProps['edit'];
  problem: string | undefined;
  /** Told while a form of this row is open, so the row is kept when scrolled away. */
  onHold: (occurrence: number, isHeld: boolean) => void;
}) {
  const [isMoving, setMoving] = useState(false);
  const isPublished = useEditorStore((state) => state.isPublished);
  const registrants = useEditorStore((state) => state.attendeeCount);
  const [pickers, setPickers] = useState<SessionPickers>();
  const moveForm = useRef<HTMLDivElement>(null);
  const api = useAppStore((state) => state.api);
  const seriesId = useEditorStore((state) => state.seriesId);
  // Read, not followed: the panel is rare, and following the details would render every row per keystroke.
  const shownDetails = pickers === undefined ? undefined : useEditorStore.getState().details;
  // Move opens on its first field (the new date), ready to type.
  useEffect(() => {
    if (isMoving) moveForm.current?.querySelector<HTMLElement>('input, [role="spinbutton"], select')?.focus();
  }, [isMoving]);
  const isHeld = isMoving || pickers !== undefined;
  useEffect(() => {
    onHold(session.occurrence, isHeld);
    return () => onHold(session.occurrence, false);
  }, [onHold, session.occurrence, isHeld]);
  const cancel = () =>
    edit((current) => withChange(current, session.occurrence, { occurrence: session.occurrence, action: 'cancel' }));
  // A session attendees chose is cancelled only once they are moved: their choice would be invalid.
  const askCancel = async () => {
    const details = useEditorStore.getState().details;
    if (api === undefined || seriesId === undefined || details === undefined || sessionChoiceOf(details) === 'none') {
      cancel();
      return;
    }
    const found = await api.attendees.pickers({ seriesId, occurrence: session.occurrence });
    if (found.ok && found.value.count > 0) setPickers(found.value);
    else cancel();
  };
  return (
    <>
      <span className="session-number" aria-hidden="true">
        {session.occurrence}
      </span>
      <div className="session-when">
        <OccurrenceTimes
          session={session}
          timezone={timezone}
          otherZone={attendeeZone === undefined ? undefined : { zone: attendeeZone, name: "attendees' time" }}
        />
        {session.status === 'moved' && (
          <span className="tag">Moved from {formatDay(session.planned_start, timezone)}</span>
        )}
        {session.status === 'cancelled' && <span className="tag tag-cancelled">Cancelled</span>}
        {session.closedDay !== undefined && <span className="tag tag-closed-day">{session.closedDay.name}</span>}
        {isKept && <span className="tag">Kept on a closed day</span>}
        {problem !== undefined && <span className="field-problem">{problem}</span>}
      </div>
      {canChange && (
        <div className="session-actions">
          {session.status === 'scheduled' ? (
            <>
              <button
                type="button"
                className="button-quiet small"
                aria-label={`Move session ${String(session.occurrence)}`}
                aria-expanded={isMoving}
                onClick={() => setMoving(!isMoving)}
              >
                Move
              </button>
              <button
                type="button"
                className="button-quiet small"
                aria-label={`Cancel session ${String(session.occurrence)}`}
                onClick={() => {
                  const details = useEditorStore.getState().details;
                  const question =
                    details === undefined
                      ? undefined
                      : cancelQuestion(details, session.occurrence, { isPublished, registrants });
                  if (question !== undefined && !window.confirm(question)) return;
                  void askCancel();
                }}
              >
                Cancel
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button-quiet small"
              aria-label={`Restore session ${String(session.occurrence)}`}
              onClick={() => {
                const closedDay = session.closedDay;
                edit((current) =>
                  closedDay === undefined
                    ? withChange(current, session.occurrence, undefined)
                    : restoredFromClosedDay(current, session.occurrence, closedDay.date),
                );
              }}
            >
              Restore
            </button>
          )}
        </div>
      )}
      {pickers !== undefined && shownDetails !== undefined && (
        <MovePicksPanel
          session={session}
          details={shownDetails}
          pickers={pickers}
          onMoved={() => {
            setPickers(undefined);
            cancel();
          }}
          onKeep={() => setPickers(undefined)}
        />
      )}
      {isMoving && (
        <div ref={moveForm} className="session-edit">
          <SessionEditForm session={session} timezone={timezone} edit={edit} onDone={() => setMoving(false)} />
        </div>
      )}
    </>
  );
});

/** The boundary where a part begins, at the top of its first session's row. */
function PartHeading({ part, isOnZoom }: { part: PreviewPart; isOnZoom: boolean }) {
  return <h3 className="part-heading">{partHeading(part, isOnZoom)}</h3>;
}

/** The time zones a planner may pick for the attendees' view, with "none" first. */
function AttendeeZonePicker({ seriesId, zone }: { seriesId: string; zone: string | undefined }) {
  const choose = useAttendeeZoneStore((state) => state.choose);
  return (
    <Field label="Attendees' times in" className="attendee-zone">
      <select value={zone ?? ''} onChange={(event) => choose(seriesId, event.target.value || undefined)}>
        <option value="">Not shown</option>
        <ZoneOptions current={zone} />
      </select>
    </Field>
  );
}

/**
 * The live preview: every session as the planner types, in the event's zone, their own and, if
 * they pick one, their attendees'. Sessions are worked out again only when
 * a schedule field changed (see `previewSessions`).
 */
export function OccurrencePreview({
  details,
  issues,
  edit,
  isReadOnly = false,
}: Omit<EditorPartProps, 'api'> & { isReadOnly?: boolean }) {
  const seriesId = useEditorStore((state) => state.seriesId) ?? '';
  const attendeeZone = useAttendeeZoneStore((state) => state.zones[seriesId]);
  const { timezone, event_type: eventType } = details;
  const recurrence = details.event_type === 'RECURRING' ? details.recurrence : undefined;
  const sessions = previewSessions(details);
  const parts = previewParts(details, sessions);
  // A pattern change being drafted previews the new series, which is not on Zoom yet.
  const isOnZoom = useEditorStore((state) => state.isOnZoom && !state.isChangingPattern);
  const partStartingAt = new Map(parts.map((part) => [part.first, part]));
  const keptDates = new Set(details.event_type === 'RECURRING' ? (details.closed_days?.kept ?? []) : []);
  const active = sessions.filter((session) => session.status !== 'cancelled').length;
  const mine = plannerTimeZone();
  const changeIndex = (occurrence: number) =>
    details.event_type === 'RECURRING'
      ? details.occurrence_changes.findIndex((change) => change.occurrence === occurrence)
      : -1;
  const zonesShown = [
    `Times in ${timezone.replaceAll('_', ' ')}`,
    mine !== timezone ? `yours (${mine.replaceAll('_', ' ')})` : '',
    attendeeZone !== undefined && attendeeZone !== timezone
      ? `your attendees' (${attendeeZone.replaceAll('_', ' ')})`
      : '',
  ].filter(Boolean);
  return (
    <section className="panel preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Sessions</h2>
      <p className="preview-summary" aria-live="polite">
        {recurrence !== undefined ? describeRecurrence(recurrence) : 'One session'}
        {sessions.length > 0 && ` · ${plural(active, 'session')}`}
        {parts.length > 0 && ` · ${plural(parts.length, 'part')}`}
      </p>
      {parts.length > 0 && (
        <p className="parts-hint" role="note" aria-label="Parts on Zoom">
          {partsHint(parts.length, isOnZoom)}
        </p>
      )}
      <AttendeeZonePicker seriesId={seriesId} zone={attendeeZone} />
      <p className="muted small-print">{zonesShown.join('; ')}.</p>
      {sessions.length === 0 ? (
        <p className="muted">Fix the schedule to see its sessions.</p>
      ) : (
        <SessionsList
          sessions={sessions}
          timezone={timezone}
          renderSession={(session, onHold) => {
            const index = changeIndex(session.occurrence);
            const part = partStartingAt.get(session.occurrence);
            return (
              <>
                {part !== undefined && <PartHeading part={part} isOnZoom={isOnZoom} />}
                <SessionRow
                  session={session}
                  timezone={timezone}
                  canChange={eventType === 'RECURRING' && !isReadOnly}
                  attendeeZone={attendeeZone}
                  edit={edit}
                  problem={index < 0 ? undefined : problemWithin(issues, `occurrence_changes[${String(index)}]`)}
                  onHold={onHold}
                  isKept={keptDates.has(wallClockInputs(session.planned_start, timezone).date)}
                />
              </>
            );
          }}
        />
      )}
    </section>
  );
}
