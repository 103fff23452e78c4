import { useEffect, useState } from 'react';
import type { OldEvent, PatternChangePreview } from '../../../shared/drafts/patternChange';
import { cancelMessageSchema, isPatternChange, maxCancelMessageLength } from '../../../shared/drafts/patternChange';
import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import type { CadenceApi } from '../../../shared/ipc/cadenceApi';
import type { IpcError, Issue } from '../../../shared/ipc/envelope';
import { problemAt } from '../../lib/issues';
import { plural } from '../../lib/words';
import { formatMoment } from '../../lib/zonedTime';
import { useAppStore } from '../../stores/useAppStore';
import { useEditorStore, type SeriesDetails } from '../../stores/useEditorStore';
import { ErrorBanner } from '../ErrorBanner';

const pauseBeforePreviewMs = 300;

/** "part 2 (Fri 5 Mar … to Mon 3 May …) and part 3 (…)": the old events of a series in parts. */
function oldEventsWords(events: readonly OldEvent[], zone: string): string {
  const words = events.map((event) => {
    const label = event.part === null ? 'the old event' : `part ${String(event.part.position)}`;
    return `${label} (${formatMoment(event.first_start, zone)} to ${formatMoment(event.last_start, zone)})`;
  });
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}` : (words[0] ?? '');
}

const upperFirst = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

/** "Weekly on Monday" inside a sentence: "weekly on Monday". */
const lowerFirst = (words: string) => words.charAt(0).toLowerCase() + words.slice(1);

/**
 * A published series' pattern, which Zoom locks, changed as one guided action: the planner edits
 * the pattern, sees what will happen (a new event, every registration carried over, the sessions
 * that cannot be mapped, the old event cancelled with a message) and confirms. Nothing is written
 * before that.
 */
export function PatternChangePanel({ api, details }: { api: CadenceApi; details: SeriesDetails }) {
  const { seriesId, isChangingPattern, startPatternChange, cancelPatternChange } = useEditorStore();
  const navigate = useAppStore((state) => state.navigate);
  const [stored, setStored] = useState<SeriesDraft | undefined>();
  const [preview, setPreview] = useState<PatternChangePreview | undefined>();
  const [answeredIssues, setIssues] = useState<Issue[]>([]);
  const [error, setError] = useState<IpcError | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const [isConfirming, setConfirming] = useState(false);
  const messageCheck = message === undefined ? undefined : cancelMessageSchema.safeParse(message);
  const messageIssues: Issue[] =
    messageCheck?.success === false
      ? messageCheck.error.issues.map((issue) => ({ path: 'cancel_message', message: issue.message }))
      : [];
  const issues =
    messageIssues.length > 0
      ? [...answeredIssues.filter((issue) => issue.path !== 'cancel_message'), ...messageIssues]
      : answeredIssues;
  const isChanged = stored !== undefined && isPatternChange(details, stored);
  // A preview belongs to a changed pattern: back to the stored one, there is nothing to show.
  const shown = isChanged ? preview : undefined;

  useEffect(() => {
    if (!isChangingPattern || seriesId === undefined) return;
    void api.drafts.get({ id: seriesId, attendees: false }).then((result) => {
      if (result.ok) setStored(result.value.draft);
    });
  }, [api, isChangingPattern, seriesId]);

  useEffect(() => {
    // Once confirmed, the old series is replaced: a preview asked then would be refused.
    if (!isChangingPattern || seriesId === undefined || !isChanged || isConfirming) return;
    // A message the shared rule refuses is told at once (below) and keeps the preview; main is asked only with one it takes.
    if (messageIssues.length > 0) return;
    let isCurrent = true;
    const timer = setTimeout(() => {
      void api.drafts
        .patternChangePreview({
          id: seriesId,
          draft: details,
          ...(message === undefined ? {} : { cancelMessage: message }),
        })
        .then((result) => {
          if (!isCurrent) return;
          if (result.ok) {
            setPreview(result.value);
            setIssues([]);
            setError(undefined);
          } else {
            // A message being written keeps the preview it belongs to.
            const isMessageOnly = result.error.issues.every((issue) => issue.path === 'cancel_message');
            setPreview((previous) => (isMessageOnly && result.error.issues.length > 0 ? previous : undefined));
            setIssues(result.error.issues);
            setError(result.error.code === 'invalid_input' ? undefined : result.error);
          }
        });
    }, pauseBeforePreviewMs);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [api, details, isChangingPattern, isChanged, isConfirming, message, messageIssues.length, seriesId]);

  if (seriesId === undefined) return null;
  if (!isChangingPattern) {
    return (
      <div className="actions">
        <button type="button" className="button-quiet" onClick={() => void startPatternChange(api)}>
          Change the pattern…
        </button>
      </div>
    );
  }

  async function confirm() {
    if (seriesId === undefined || shown === undefined) return;
    setConfirming(true);
    const result = await api.drafts.changePattern({
      id: seriesId,
      draft: details,
      cancelMessage: message ?? shown.cancel_message,
    });
    if (!result.ok) {
      setConfirming(false);
      setIssues(result.error.issues);
      setError(result.error);
      return;
    }
    useEditorStore.setState({ isChangingPattern: false });
    navigate({ screen: 'series', seriesId: result.value.id, tab: 'details' });
  }

  const zone = details.timezone;
  const otherIssues = issues.filter((issue) => issue.path !== 'cancel_message');
  return (
    <section className="panel pattern-change" aria-labelledby="pattern-change-heading">
      <h3 id="pattern-change-heading">Change the pattern</h3>
      <p className="muted">
        Zoom keeps a published series' pattern. Cadence continues the series as a new event with the new pattern,
        carries every registration over, and then cancels the old event on Zoom. Nothing changes until you confirm.
      </p>
      {!isChanged && <p role="status">Change the days, the interval or the number of sessions above.</p>}
      <ErrorBanner error={error} />
      {otherIssues.length > 0 && (
        <ul className="issue-list" role="alert">
          {otherIssues.map((issue) => (
            <li key={`${issue.path} ${issue.message}`}>{issue.message}</li>
          ))}
        </ul>
      )}
      {shown !== undefined && (
        <div aria-label="What will happen" role="region">
          <ol className="stack">
            <li>
              {shown.new_events > 1 ? 'A new series' : 'A new event'} “{shown.new_name}”:{' '}
              {lowerFirst(shown.new_pattern)}, {plural(shown.sessions, 'session')} from{' '}
              {formatMoment(shown.first_start, zone)} to {formatMoment(shown.last_start, zone)}
              {shown.new_events > 1 &&
                `, as ${String(shown.new_events)} linked events on Zoom (Zoom allows 60 sessions in one)`}
              {shown.skipped_past > 0 &&
                ` (${plural(shown.skipped_past, 'session')} of the new pattern already past, left out)`}
              .
            </li>
            <li>
              {plural(shown.registrations, 'registration')} carried over
              {shown.sends_tickets ? '; Zoom emails each person a ticket for the new event' : ''}.
              {shown.unmapped.length > 0 &&
                ` ${plural(shown.unmapped.length, 'chosen session')} ha${shown.unmapped.length === 1 ? 's' : 've'} no session on the same day in the new pattern:`}
              {shown.unmapped.length > 0 && (
                <table className="data-table" aria-label="Sessions that cannot be mapped">
                  <thead>
                    <tr>
                      <th>Attendee</th>
                      <th>Chose</th>
                      <th>In the new event</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.unmapped.map((entry) => (
                      <tr key={`${entry.email} ${String(entry.from.occurrence)}`}>
                        <td>{entry.email}</td>
                        <td>{entry.from.start_time === '' ? '—' : formatMoment(entry.from.start_time, zone)}</td>
                        <td>
                          {entry.replacement === null
                            ? 'Left out (keeps their other sessions)'
                            : `Nearest session: ${formatMoment(entry.replacement.start_time, zone)}`}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </li>
            {shown.changes_dropped.length > 0 && (
              <li>
                {plural(shown.changes_dropped.length, 'change')} to single sessions cannot be carried over (no session
                on that day):{' '}
                {shown.changes_dropped
                  .map(
                    (change) =>
                      `${change.action === 'cancel' ? 'cancelled' : 'moved'} ${formatMoment(change.start_time, zone)}`,
                  )
                  .join(', ')}
                .
              </li>
            )}
            {shown.kept_events.length > 0 && (
              <li>
                {upperFirst(oldEventsWords(shown.kept_events, zone))} {shown.kept_events.length === 1 ? 'has' : 'have'}{' '}
                ended and {shown.kept_events.length === 1 ? 'stays' : 'stay'} on Zoom as{' '}
                {shown.kept_events.length === 1 ? 'it is' : 'they are'}.
              </li>
            )}
            <li>
              Once the new {shown.new_events > 1 ? 'series' : 'event'} holds every registration,{' '}
              {shown.cancelled_events.some((event) => event.part !== null)
                ? `${oldEventsWords(shown.cancelled_events, zone)} of “${shown.old_name}” (${lowerFirst(shown.old_pattern)}) ${shown.cancelled_events.length === 1 ? 'is' : 'are'} cancelled on Zoom, and Zoom sends ${shown.cancelled_events.length === 1 ? 'its' : 'their'} registrants this message:`
                : `the old event “${shown.old_name}” (${lowerFirst(shown.old_pattern)}) is cancelled on Zoom, and Zoom sends its registrants this message:`}
            </li>
          </ol>
          <label className="field">
            <span>Message to the old event's registrants</span>
            <textarea
              value={message ?? shown.cancel_message}
              maxLength={maxCancelMessageLength}
              rows={3}
              onChange={(event) => setMessage(event.target.value)}
            />
            {problemAt(issues, 'cancel_message') !== undefined && (
              <span className="field-problem">{problemAt(issues, 'cancel_message')}</span>
            )}
          </label>
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className="button-primary"
          disabled={shown === undefined || issues.length > 0 || isConfirming}
          onClick={() => void confirm()}
        >
          {isConfirming ? 'Changing the pattern…' : 'Change the pattern'}
        </button>
        <button type="button" className="button-quiet" onClick={() => void cancelPatternChange(api)}>
          Keep the current pattern
        </button>
      </div>
    </section>
  );
}
