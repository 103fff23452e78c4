import { useEffect, useRef, useState } from 'react';
import type { CheckInEvent, CheckInNumbers, CheckInScope } from '../../../shared/checkin/checkIn';
import type { IpcError } from '../../../shared/ipc/envelope';
import { sessionWords } from '../../lib/checkInTimes';
import { saveTextFile } from '../../lib/saveTextFile';
import { useAppStore } from '../../stores/useAppStore';
import { ErrorBanner } from '../ErrorBanner';
import { CheckInChart } from './CheckInChart';

/** How long the numbers wait after the last check-in before they are read again. */
const numbersDelayMs = 1_000;

interface Props {
  event: CheckInEvent;
  scope: CheckInScope;
}

/** The numbers the staff want: checked in of registered, per session, per desk, over time; and the CSV. */
export function CheckInNumbersPanel({ event, scope }: Props) {
  const api = useAppStore((state) => state.api);
  const [numbers, setNumbers] = useState<CheckInNumbers | undefined>();
  const [error, setError] = useState<IpcError | undefined>();
  // The event's counts change with every check-in here or seen from elsewhere: the numbers follow them.
  const { checkedIn, waiting, registered } = event.counts;
  // The first numbers of a scope are read at once; later ones a moment after the last change, so a
  // queue of scans is not slowed by charts nobody reads meanwhile.
  const shownScope = useRef<CheckInScope | undefined>(undefined);
  useEffect(() => {
    if (api === undefined) return;
    const isFirst = shownScope.current !== scope;
    shownScope.current = scope;
    const timer = window.setTimeout(
      () => {
        void api.checkin.numbers(scope).then((result) => {
          if (result.ok) setNumbers(result.value);
          else setError(result.error);
        });
      },
      isFirst ? 0 : numbersDelayMs,
    );
    return () => window.clearTimeout(timer);
  }, [api, scope, checkedIn, waiting, registered]);

  const exportCsv = async () => {
    if (api === undefined) return;
    const result = await api.checkin.exportCsv({ eventId: event.eventId });
    if (result.ok) saveTextFile(result.value.fileName, result.value.csv, 'text/csv');
    else setError(result.error);
  };
  const sessionName = (sessionId: string) => {
    const session = event.sessions.find((entry) => entry.sessionId === sessionId);
    return session === undefined ? sessionId : sessionWords(session, event.timezone);
  };

  return (
    <section className="panel" aria-labelledby="numbers-heading">
      <h2 id="numbers-heading">Numbers</h2>
      <ErrorBanner error={error} />
      {numbers !== undefined && (
        <>
          <p className="numbers-headline">
            <strong>{numbers.counts.checkedIn}</strong> of {numbers.counts.registered} checked in
          </p>
          <div className="numbers-tables">
            {numbers.sessions.length > 1 && (
              <table className="data-table">
                <caption>Per session</caption>
                <thead>
                  <tr>
                    <th scope="col">Session</th>
                    <th scope="col" className="numeric">
                      Checked in
                    </th>
                    <th scope="col" className="numeric">
                      Registered
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {numbers.sessions.map((session) => (
                    <tr key={session.sessionId}>
                      <th scope="row">{sessionName(session.sessionId)}</th>
                      <td className="numeric">{session.checkedIn}</td>
                      <td className="numeric">{session.registered}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <table className="data-table">
              <caption>Per desk</caption>
              <thead>
                <tr>
                  <th scope="col">Desk</th>
                  <th scope="col" className="numeric">
                    Checked in
                  </th>
                  <th scope="col" className="numeric">
                    Waiting
                  </th>
                  <th scope="col" className="numeric">
                    Refused
                  </th>
                </tr>
              </thead>
              <tbody>
                {numbers.desks.length === 0 && (
                  <tr>
                    <td colSpan={4} className="muted">
                      No check-ins yet.
                    </td>
                  </tr>
                )}
                {numbers.desks.map((desk) => (
                  <tr key={desk.desk}>
                    <th scope="row">{desk.desk}</th>
                    <td className="numeric">{desk.checkedIn}</td>
                    <td className="numeric">{desk.waiting}</td>
                    <td className="numeric">{desk.refused}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>Over time</h3>
          <CheckInChart overTime={numbers.overTime} />
        </>
      )}
      <div className="actions">
        <button type="button" className="button-quiet" onClick={() => void exportCsv()}>
          Export CSV
        </button>
      </div>
    </section>
  );
}
