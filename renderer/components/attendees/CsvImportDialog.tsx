import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { AttendeeDraft } from '../../../shared/drafts/attendeeDraft';
import type { AttendeeImportSummary } from '../../../shared/drafts/attendeeList';
import type { Issue } from '../../../shared/ipc/envelope';
import {
  attendeesFromRows,
  columnTargetLabels,
  guessColumns,
  parseCsv,
  type ColumnTarget,
  type CsvTable,
} from '../../lib/csvAttendees';
import { plural } from '../../lib/words';
import { useAppStore } from '../../stores/useAppStore';
import { useAttendeeStore } from '../../stores/useAttendeeStore';

interface RowProblem {
  /** The row's line in the file (the heading is line 1). */
  line: number;
  messages: string[];
}

interface Check {
  good: Record<string, unknown>[];
  problems: RowProblem[];
  summary: AttendeeImportSummary | undefined;
}

/** Groups problems at `attendees[i].field` by row. */
function problemsByRow(issues: readonly Issue[]): Map<number, string[]> {
  const rows = new Map<number, string[]>();
  for (const issue of issues) {
    const match = /^attendees\[(\d+)\]\.?(.*)$/.exec(issue.path);
    const index = match === null ? -1 : Number(match[1]);
    const field = match?.[2] ?? issue.path;
    rows.set(index, [...(rows.get(index) ?? []), field === '' ? issue.message : `${field}: ${issue.message}`]);
  }
  return rows;
}

/**
 * Imports attendees from a CSV file: choose the file, map its columns, see every row with a
 * problem, then import the good rows only when the planner says so. Bad rows stay listed.
 */
export function CsvImportDialog({ onClose }: { onClose: () => void }) {
  const api = useAppStore((state) => state.api);
  const importMany = useAttendeeStore((state) => state.importMany);
  const dialog = useRef<HTMLDialogElement>(null);
  const [fileName, setFileName] = useState<string>();
  const [table, setTable] = useState<CsvTable>();
  const [columns, setColumns] = useState<ColumnTarget[]>([]);
  const [check, setCheck] = useState<Check>();
  const [isBusy, setBusy] = useState(false);
  const [done, setDone] = useState<AttendeeImportSummary>();
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
  }, []);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file === undefined) return;
    const parsed = parseCsv(await file.text());
    setFileName(file.name);
    setTable(parsed);
    setColumns(guessColumns(parsed.header));
    setCheck(undefined);
    setDone(undefined);
  };

  const runCheck = async () => {
    if (api === undefined || table === undefined) return;
    setBusy(true);
    setFailure(undefined);
    const attendees = attendeesFromRows(table.rows, columns);
    const first = await importMany(api, attendees as AttendeeDraft[], true);
    let problems: RowProblem[] = [];
    let good = attendees;
    if (!first.ok) {
      if (first.error.code !== 'invalid_input') {
        setFailure(first.error.message);
        setBusy(false);
        return;
      }
      const byRow = problemsByRow(first.error.issues);
      problems = [...byRow].sort(([a], [b]) => a - b).map(([index, messages]) => ({ line: index + 2, messages }));
      good = attendees.filter((_, index) => !byRow.has(index));
    }
    const counted = good.length === 0 ? undefined : await importMany(api, good as AttendeeDraft[], true);
    setCheck({ good, problems, summary: counted?.ok === true ? counted.value : undefined });
    setBusy(false);
  };

  const runImport = async () => {
    if (api === undefined || check === undefined) return;
    setBusy(true);
    const result = await importMany(api, check.good as AttendeeDraft[], false);
    setBusy(false);
    if (result.ok) setDone(result.value);
    else setFailure(result.error.message);
  };

  const hasEmail = columns.includes('email');
  return (
    <dialog ref={dialog} className="dialog wide" aria-labelledby="csv-dialog-title" onClose={onClose}>
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
        <p className="banner danger" role="alert">
          {failure}
        </p>
      )}
      {check !== undefined && (
        <section aria-label="Check result" className="check-result">
          <p role="status" hidden={done !== undefined}>
            {plural(check.good.length, 'row')} ready
            {check.summary !== undefined &&
              ` (${plural(check.summary.added, 'new attendee')}, ${plural(check.summary.updated, 'update')})`}
            {check.problems.length > 0 &&
              `; ${plural(check.problems.length, 'row')} with problems will not be imported`}
            .
          </p>
          {check.problems.length > 0 && (
            <ul className="issue-list row-problems" aria-label="Rows with problems">
              {check.problems.map((problem) => (
                <li key={problem.line}>
                  <strong>Line {problem.line}</strong>: {problem.messages.join('; ')}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {done !== undefined && (
        <p className="banner success" role="status">
          Imported: {plural(done.added, 'new attendee')}, {plural(done.updated, 'update')}.
          {check !== undefined &&
            check.problems.length > 0 &&
            ` ${plural(check.problems.length, 'row')} with problems were left out (listed above).`}
        </p>
      )}
      <div className="actions">
        {done === undefined && check === undefined && (
          <button
            type="button"
            className="button-primary"
            disabled={table === undefined || !hasEmail || isBusy}
            onClick={() => void runCheck()}
          >
            Check rows
          </button>
        )}
        {done === undefined && check !== undefined && (
          <button
            type="button"
            className="button-primary"
            disabled={check.good.length === 0 || isBusy}
            onClick={() => void runImport()}
          >
            Import {plural(check.good.length, 'attendee')}
          </button>
        )}
        <button type="button" className="button-quiet" onClick={() => dialog.current?.close()}>
          {done === undefined ? 'Cancel' : 'Close'}
        </button>
      </div>
    </dialog>
  );
}
