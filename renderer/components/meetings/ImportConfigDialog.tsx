import { useEffect, useRef } from 'react';
import type { CadenceApi } from '../../../shared/ipc/cadenceApi';
import type { MeetingImportReport } from '../../../shared/meetings/meetingViews';
import { countActions } from '../../lib/meetingWords';
import { plural } from '../../lib/words';
import { formatMoment } from '../../lib/zonedTime';
import { useMeetingsStore, type ConfigImport } from '../../stores/useMeetingsStore';

const actionWords: Readonly<Record<MeetingImportReport['meetings'][number]['action'], string>> = {
  created: 'New',
  updated: 'Updated',
  unchanged: 'Unchanged',
};

/** What importing the config would do, meeting by meeting, from the import's own dry run. */
function ImportPreview({ report }: { report: MeetingImportReport }) {
  const counts = countActions(report.meetings);
  return (
    <>
      <p id="import-config-summary">
        Importing would add {plural(counts.created, 'new meeting')}, update {plural(counts.updated, 'meeting')} and
        leave {plural(counts.unchanged, 'meeting')} as {counts.unchanged === 1 ? 'it is' : 'they are'}. Nothing is sent
        to Zoom until you sync.
      </p>
      {report.warnings.length > 0 && (
        <div className="banner warning" role="note" aria-label="Warnings">
          <ul className="issue-list">
            {report.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="row-problems">
        <table className="data-table" aria-label="Meetings in the config">
          <thead>
            <tr>
              <th scope="col">Meeting</th>
              <th scope="col">First occurrence</th>
              <th scope="col" className="numeric">
                Occurrences
              </th>
              <th scope="col">Import</th>
            </tr>
          </thead>
          <tbody>
            {report.meetings.map((meeting) => (
              <tr key={meeting.key}>
                <th scope="row">
                  {meeting.topic}
                  <span className="muted row-sub">{meeting.host_email}</span>
                </th>
                <td>{formatMoment(meeting.first_start, 'UTC')}</td>
                <td className="numeric">{meeting.occurrences}</td>
                <td>{actionWords[meeting.action]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/**
 * Importing a recurring-meetings config: first what it would do (the import's dry run) or every
 * problem of the config by its JSON path, then Import.
 */
export function ImportConfigDialog({ api, chosen }: { api: CadenceApi; chosen: ConfigImport }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const importConfig = useMeetingsStore((state) => state.importConfig);
  const closeImport = useMeetingsStore((state) => state.closeImport);
  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
  }, []);
  const { preview, error } = chosen;
  const changes =
    preview === undefined ? 0 : preview.meetings.filter((meeting) => meeting.action !== 'unchanged').length;
  return (
    <dialog
      ref={dialog}
      className="dialog wide"
      aria-labelledby="import-config-title"
      aria-describedby={preview === undefined ? undefined : 'import-config-summary'}
      onCancel={closeImport}
    >
      <h2 id="import-config-title">Import meetings from {chosen.fileName}</h2>
      {preview === undefined && error === undefined && <p role="status">Checking the config…</p>}
      {error !== undefined && (
        <div className="banner danger" role="alert">
          <p>{error.message}</p>
          {error.issues.length > 0 && (
            <ul className="issue-list" aria-label="Problems in the config">
              {error.issues.map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>
                  <code>{issue.path}</code> {issue.message}
                </li>
              ))}
            </ul>
          )}
          <p>Nothing was imported. Correct the file and choose it again.</p>
        </div>
      )}
      {preview !== undefined && <ImportPreview report={preview} />}
      <div className="actions">
        {preview !== undefined && (
          <button
            type="button"
            className="button-primary"
            disabled={changes === 0 || chosen.isImporting}
            onClick={() => void importConfig(api)}
          >
            {changes === 0 ? 'Nothing to import' : `Import ${plural(changes, 'meeting')}`}
          </button>
        )}
        <button
          type="button"
          className="button-quiet"
          onClick={() => {
            dialog.current?.close();
            closeImport();
          }}
        >
          {preview === undefined ? 'Close' : 'Cancel'}
        </button>
      </div>
    </dialog>
  );
}
