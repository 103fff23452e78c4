import type { CheckInEvent } from '../../../shared/checkin/checkIn';
import { sessionWords } from '../../lib/checkInTimes';
import { useAppStore } from '../../stores/useAppStore';
import { useCheckInStore } from '../../stores/useCheckInStore';

const wholeEvent = '';

/** Whether the desk checks people in for the whole event or for one session of a recurring event. */
export function ScopeChoice({ event }: { event: CheckInEvent }) {
  const api = useAppStore((state) => state.api);
  const scope = useCheckInStore((state) => state.scope);
  const choose = useCheckInStore((state) => state.choose);
  if (event.sessions.length <= 1) return null;
  return (
    <div className="field scope-choice">
      <label htmlFor="checkin-scope">Check in for</label>
      <select
        id="checkin-scope"
        value={scope?.sessionId ?? wholeEvent}
        onChange={(change) =>
          api && void choose(api, { eventId: event.eventId, sessionId: change.target.value || null })
        }
      >
        <option value={wholeEvent}>The whole event</option>
        {event.sessions.map((session) => (
          <option key={session.sessionId} value={session.sessionId}>
            Session {sessionWords(session, event.timezone)}
          </option>
        ))}
      </select>
    </div>
  );
}
