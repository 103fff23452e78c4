import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import { attendeeProfileFields, type AttendeeDraft } from '../../../shared/drafts/attendeeDraft';
import type { AttendeeRow } from '../../../shared/drafts/attendeeList';
import { previewParts } from '../../lib/previewParts';
import { previewSessions } from '../../lib/schedulePreview';
import { sessionChoiceOf } from '../../lib/sessionsChoice';
import { useAppStore } from '../../stores/useAppStore';
import { useAttendeeStore } from '../../stores/useAttendeeStore';
import type { SeriesDetails } from '../../stores/useEditorStore';
import { SessionChoiceFields } from './SessionChoiceFields';

/** The person's details as saved, with other sessions. */
function withSessions(row: AttendeeRow, occurrences: readonly number[]): AttendeeDraft {
  const attendee: Record<string, unknown> = { email: row.email };
  for (const field of ['first_name', 'last_name', ...attendeeProfileFields] as const) {
    const value = row[field];
    if (value !== undefined && value !== '') attendee[field] = value;
  }
  return { ...attendee, occurrences: [...occurrences] } as AttendeeDraft;
}

const sessionList = (occurrences: readonly number[]) =>
  occurrences.length === 1 ? `session ${String(occurrences[0])}` : `sessions ${occurrences.join(', ')}`;

/** What Zoom will do for this person at the next sync, in the planner's words. */
function zoomOutcome(row: AttendeeRow, chosen: readonly number[], sendsEmail: boolean): string {
  if (!row.on_zoom)
    return `${row.email} is not registered on Zoom yet: the next sync registers them for the sessions chosen.`;
  const before = row.occurrences ?? [];
  const email = sendsEmail
    ? 'Zoom emails them the new ticket'
    : "this series' registrations send no email, so tell them yourself";
  return `Zoom cannot change the sessions of a ticket. At the next sync, Cadence cancels ${row.email}'s ticket for ${sessionList(before)} on Zoom and registers them for ${sessionList(chosen)}; ${email}. Their old join link stops working.`;
}

/**
 * Chooses other sessions for one person, saying first what Zoom will do: cancel their ticket and
 * send them a new one. If Zoom refuses the new ticket, the conflict shows Zoom's words.
 */
export function ChangeSessionsDialog({
  details,
  row,
  onClose,
}: {
  details: SeriesDetails;
  row: AttendeeRow;
  onClose: () => void;
}) {
  const api = useAppStore((state) => state.api);
  const save = useAttendeeStore((state) => state.save);
  const dialog = useRef<HTMLDialogElement>(null);
  const problemId = useId();
  const [chosen, setChosen] = useState<number[]>(row.occurrences ?? []);
  const [problem, setProblem] = useState<string | undefined>();
  const choice = sessionChoiceOf(details);
  const planned = previewSessions(details);
  const parts = previewParts(details, planned);
  const sessions = planned.filter((session) => session.status !== 'cancelled');
  const sendsEmail = details.registration?.send_notification ?? true;
  const before = row.occurrences ?? [];
  const isChanged = chosen.length !== before.length || chosen.some((n, i) => n !== before[i]);

  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
  }, []);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (api === undefined) return;
    if (chosen.length === 0) {
      setProblem(choice === 'one' ? 'Choose the session this person attends.' : 'Choose at least one session.');
      return;
    }
    const result = await save(api, row.id, withSessions(row, chosen));
    if (result.ok) {
      dialog.current?.close();
      onClose();
    } else setProblem(result.error.issues[0]?.message ?? result.error.message);
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="change-sessions-title" onClose={onClose}>
      <form onSubmit={(event) => void submit(event)}>
        <h2 id="change-sessions-title">Change sessions of {row.email}</h2>
        {choice !== 'none' && (
          <SessionChoiceFields
            parts={parts}
            choice={choice}
            sessions={sessions}
            timezone={details.timezone}
            chosen={chosen}
            onChange={setChosen}
            problem={problem}
            problemId={problemId}
          />
        )}
        <p className="notice" role="note" aria-live="polite">
          {isChanged && chosen.length > 0
            ? zoomOutcome(row, chosen, sendsEmail)
            : `${row.email} keeps ${before.length === 0 ? 'no session' : sessionList(before)}. Choose other sessions.`}
        </p>
        <div className="actions">
          <button type="submit" className="button-primary" disabled={!isChanged}>
            Change sessions
          </button>
          <button type="button" className="button-quiet" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
