import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { AttendeeImportSummary } from '../../../shared/drafts/attendeeList';
import { checkAttendeeRows, problemsByRow, type ImportCheck, type RowProblem } from '../../lib/attendeeImportCheck';
import {
  attendeesFromRows,
  columnTargetLabels,
  guessColumns,
  parseCsv,
  type ColumnTarget,
  type CsvTable,
} from '../../lib/csvAttendees';
import { agree, plural } from '../../lib/words';
import { useAppStore } from '../../stores/useAppStore';
import { useAttendeeStore } from '../../stores/useAttendeeStore';
import type { SeriesDetails } from '../../stores/useEditorStore';
import { limits, megabytes } from '../../../shared/limits';

const problemRowHeight = 28;

/** Every row with a problem, in a list that draws only the rows in view (there may be thousands). */
function RowProblems({ problems }: { problems: readonly RowProblem[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read afresh on every render, as it requires
  const virtualizer = useVirtualizer({
    count: problems.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => problemRowHeight,
    overscan: 10,
  });
  return (
    <div ref={scroller} className="row-problems" role="list" aria-label="Rows with problems">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const problem = problems[item.index];
          if (problem === undefined) return null;
          return (
            <div
              key={problem.line}
              role="listitem"
              ref={virtualizer.measureElement}
              data-index={item.index}
              className="row-problem"
              style={{ transform: `translateY(${String(item.start)}px)` }}
            >
              <strong>Line {problem.line.toLocaleString('en-US')}</strong>: {problem.messages.join(' ')}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/**
 * Imports attendees from a CSV file: choose the file, map its columns, see every row with a
 * problem, then import the good rows only when the planner says so. Bad rows stay listed. The
 * rows travel to main in parts with a progress bar, and are written all at once or not at all.
 */
export function CsvImportDialog({ details, onClose }: { details: SeriesDetails; onClose: () => void }) {
  const api = useAppStore((state) => state.api);
  const importMany = useAttendeeStore((state) => state.importMany);
  const listed = useAttendeeStore((state) => state.rows);
  const dialog = useRef<HTMLDialogElement>(null);
  const [fileName, setFileName] = useState<string>();
  const [table, setTable] = useState<CsvTable>();
  const [columns, setColumns] = useState<ColumnTarget[]>([]);
  const [check, setCheck] = useState<ImportCheck>();
  const [sent, setSent] = useState<number>();
  const [done, setDone] = useState<AttendeeImportSummary>();
  const [failure, setFailure] = useState<{ message: string; problems: RowProblem[] }>();

  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
  }, []);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file === undefined) return;
    if (file.size > limits.attendeeFileBytes) {
      setFailure({
        message: `${file.name} is larger than ${megabytes(limits.attendeeFileBytes)}, the most Cadence reads of an attendee list; nothing was read.`,
        problems: [],
      });
      return;
    }
    const parsed = parseCsv(await file.text());
    setFileName(file.name);
    setTable(parsed);
    setColumns(guessColumns(parsed.header));
    setCheck(undefined);
    setDone(undefined);
    setFailure(undefined);
  };

  const runCheck = () => {
    if (table === undefined) return;
    setFailure(undefined);
    const known = new Set((listed ?? []).map((row) => row.email.toLowerCase()));
    setCheck(checkAttendeeRows(details, attendeesFromRows(table.rows, columns), known));
  };

  const runImport = async () => {
    if (api === undefined || check === undefined) return;
    setSent(0);
    setFailure(undefined);
    const result = await importMany(api, check.good, setSent);
    setSent(undefined);
    if (result.ok) {
      setDone(result.value);
      return;
    }
    // Main checked the rows again (the list or the series may have changed since the check).
    const { byRow, general } = problemsByRow(result.error.issues);
    const problems = [...byRow]
      .sort(([a], [b]) => a - b)
      .map(([index, messages]) => ({ line: check.goodLines[index] ?? index + 2, messages }));
    const message =
      result.error.code === 'invalid_input'
        ? result.error.message
        : `The import stopped and nothing was imported. ${result.error.message}`;
    setFailure({ message: [message, ...general].join(' '), problems });
  };

  const hasEmail = columns.includes('email');
  const isImporting = sent !== undefined;
  return (
    <dialog
      ref={dialog}
      className="dialog wide"
      aria-labelledby="csv-dialog-title"
      onClose={onClose}
      // Escape would leave the import running unseen; it ends on its own within seconds.
      onCancel={(event) => isImporting && event.preventDefault()}
    >
      <h2 id="csv-dialog-title">Import attendees from CSV</h2>
      <p className="muted">
        The first row names the columns. People already on the list are matched by email and updated.
      </p>
      <div className="field">
        <label htmlFor="csv-file">CSV file</label>
        <input id="csv-file" type="file" accept=".csv,text/csv" onChange={(event) => void onFile(event)} />
      </div>
      {table !== undefined && (
        <>
          <p>
            {fileName}: {plural(table.rows.length, 'row')}.
          </p>
          {table.problems.length > 0 && (
            <ul className="issue-list" aria-label="Problems reading the file">
              {table.problems.slice(0, 10).map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
          <table className="data-table mapping" aria-label="Column mapping">
            <thead>
              <tr>
                <th scope="col">Column in the file</th>
                <th scope="col">First value</th>
                <th scope="col">Import as</th>
              </tr>
            </thead>
            <tbody>
              {table.header.map((heading, index) => (
                <tr key={`${heading}-${String(index)}`}>
                  <th scope="row">{heading || `Column ${String(index + 1)}`}</th>
                  <td className="muted">{table.rows[0]?.[index] ?? ''}</td>
                  <td>
                    <select
                      aria-label={`Import "${heading || `Column ${String(index + 1)}`}" as`}
                      value={columns[index] ?? 'skip'}
                      onChange={(event) => {
                        const next = [...columns];
                        next[index] = event.target.value as ColumnTarget;
                        setColumns(next);
                        setCheck(undefined);
                      }}
                    >
                      {(Object.keys(columnTargetLabels) as ColumnTarget[]).map((target) => (
                        <option key={target} value={target}>
                          {columnTargetLabels[target]}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {!hasEmail && <p className="field-problem">Choose the column that holds the email addresses.</p>}
        </>
      )}
      {failure !== undefined && (
        <div className="banner danger" role="alert">
          <p>{failure.message}</p>
          {failure.problems.length > 0 && <RowProblems problems={failure.problems} />}
        </div>
      )}
      {check !== undefined && (
        <section aria-label="Check result" className="check-result">
          <p role="status" hidden={done !== undefined}>
            {plural(check.good.length, 'row')} ready ({plural(check.added, 'new attendee')},{' '}
            {plural(check.updated, 'update')})
            {check.problems.length > 0 &&
              `; ${plural(check.problems.length, 'row')} with problems will not be imported`}
            .
          </p>
          {check.general.length > 0 && (
            <ul className="issue-list field-problem" aria-label="Problems with the list">
              {check.general.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
          {check.problems.length > 0 && <RowProblems problems={check.problems} />}
        </section>
      )}
      {sent !== undefined && check !== undefined && (
        <div className="import-progress">
          <label htmlFor="import-progress">
            {sent < check.good.length
              ? `Sending ${sent.toLocaleString('en-US')} of ${plural(check.good.length, 'row')}…`
              : `Saving ${plural(check.good.length, 'attendee')}…`}
          </label>
          <progress id="import-progress" max={check.good.length} value={sent} />
        </div>
      )}
      {done !== undefined && (
        <p className="banner success" role="status">
          Imported: {plural(done.added, 'new attendee')}, {plural(done.updated, 'update')}.
          {check !== undefined &&
            check.problems.length > 0 &&
            ` ${plural(check.problems.length, 'row')} with problems ${agree(check.problems.length, 'was', 'were')} left out (listed above).`}
        </p>
      )}
      <div className="actions">
        {done === undefined && check === undefined && (
          <button
            type="button"
            className="button-primary"
            disabled={table === undefined || !hasEmail}
            onClick={runCheck}
          >
            Check rows
          </button>
        )}
        {done === undefined && check !== undefined && (
          <button
            type="button"
            className="button-primary"
            disabled={check.good.length === 0 || check.general.length > 0 || isImporting}
            onClick={() => void runImport()}
          >
            Import {plural(check.good.length, 'attendee')}
          </button>
        )}
        <button type="button" className="button-quiet" disabled={isImporting} onClick={() => dialog.current?.close()}>
          {done === undefined ? 'Cancel' : 'Close'}
        </button>
      </div>
    </dialog>
  );
}
