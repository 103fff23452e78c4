import { useEffect, useId, useRef, useState } from 'react';
import { previewSessions, type PreviewSession } from '../../lib/schedulePreview';
import { plural, someOf } from '../../lib/words';
import { formatDay } from '../../lib/zonedTime';
import { useAppStore } from '../../stores/useAppStore';
import { useEditorStore, type SeriesDetails } from '../../stores/useEditorStore';

/** Who chose a session: how many, and the first few by name. */
export interface SessionPickers {
  count: number;
  names: string[];
}

/**
 * Shown when the planner cancels a session that attendees chose: names them, and moves their
 * choice to another session the planner picks; then `onMoved` cancels the session.
 */
export function MovePicksPanel({
  session,
  details,
  pickers,
  onMoved,
  onKeep,
}: {
  session: PreviewSession;
  details: SeriesDetails;
  pickers: SessionPickers;
  onMoved: () => void;
  onKeep: () => void;
}) {
  const api = useAppStore((state) => state.api);
  const seriesId = useEditorStore((state) => state.seriesId);
  const targets = previewSessions(details).filter(
    (other) => other.status !== 'cancelled' && other.occurrence !== session.occurrence,
  );
  const [target, setTarget] = useState(targets[0]?.occurrence);
  const [failure, setFailure] = useState<string>();
  const [isMoving, setMoving] = useState(false);
  const text = useRef<HTMLParagraphElement>(null);
  const selectId = useId();
  const number = String(session.occurrence);

  useEffect(() => text.current?.focus(), []);

  const move = async () => {
    if (api === undefined || seriesId === undefined || target === undefined) return;
    setMoving(true);
    const result = await api.attendees.movePicks({ seriesId, from: session.occurrence, to: target });
    setMoving(false);
    if (result.ok) onMoved();
    else setFailure(`Nobody was moved and session ${number} is not cancelled: ${result.error.message}`);
  };

  return (
    <div className="move-picks" role="group" aria-label={`Attendees of session ${number}`}>
      <p ref={text} tabIndex={-1}>
        {plural(pickers.count, 'attendee')} chose session {number}: {someOf(pickers.names, pickers.count)}. Move them to
        another session before it is cancelled.
      </p>
      {targets.length === 0 ? (
        <p className="field-problem">There is no other session to move them to.</p>
      ) : (
        <div className="move-picks-actions">
          <label htmlFor={selectId}>Move them to</label>
          <select id={selectId} value={target} onChange={(event) => setTarget(Number(event.target.value))}>
            {targets.map((other) => (
              <option key={other.occurrence} value={other.occurrence}>
                Session {other.occurrence}, {formatDay(other.start_time, details.timezone)}
              </option>
            ))}
          </select>
          <button type="button" className="button-primary small" disabled={isMoving} onClick={() => void move()}>
            Move them and cancel session {number}
          </button>
          <button type="button" className="button-quiet small" onClick={onKeep}>
            Keep session {number}
          </button>
        </div>
      )}
      {failure !== undefined && (
        <p className="field-problem" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}
