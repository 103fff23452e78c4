import { useEffect, useRef, type ChangeEvent } from 'react';
import { describeRecurrence } from '../../../shared/recurrence/describeRecurrence';
import type { MeetingSummary } from '../../../shared/meetings/meetingViews';
import { countActions, deleteMeetingQuestion, importWords, waitsUntilWords } from '../../lib/meetingWords';
import { formatMoment } from '../../lib/zonedTime';
import { newMeetingId, useAppStore } from '../../stores/useAppStore';
import { useMeetingEditorStore } from '../../stores/useMeetingEditorStore';
import { useMeetingsStore, visibleMeetings } from '../../stores/useMeetingsStore';
import { ConnectPrompt } from '../ConnectPrompt';
import { EmptyState } from '../EmptyState';
import { ImportConfigDialog } from './ImportConfigDialog';
import { MeetingStateBadge } from './MeetingStateBadge';

/** How often the list is read again while a sync reports progress: its states change as it goes. */
const progressReloadMs = 1000;

function MeetingRow({ meeting, onDelete }: { meeting: MeetingSummary; onDelete: () => void }) {
  const zone = meeting.timezone;
  return (
    <tr>
      <th scope="row">
        {meeting.problem === null ? (
          <a href={`#meetings/${encodeURIComponent(meeting.id)}`} className="row-link">
            {meeting.topic}
          </a>
        ) : (
          meeting.topic
        )}
        <span className="muted row-sub">{meeting.host_email}</span>
        {meeting.problem !== null && (
          <span className="row-sub field-problem">This version of Cadence cannot open it: {meeting.problem}</span>
        )}
      </th>
      <td>
        {meeting.recurrence === undefined ? 'Recurring' : describeRecurrence(meeting.recurrence)}
        <span className="muted row-sub">{zone.replaceAll('_', ' ')}</span>
      </td>
      <td>
        {formatMoment(meeting.first_start, zone)}
        <span className="muted row-sub">last {formatMoment(meeting.last_start, zone)}</span>
      </td>
      <td className="numeric">{meeting.occurrences}</td>
      <td>
        <MeetingStateBadge state={meeting.state} />
        {meeting.state === 'conflict' && (
          <span className="row-sub">
            <a href="#sync">Settle it in Sync</a>
          </span>
        )}
        {meeting.state === 'waiting_for_quota' && (
          <span className="muted row-sub">{waitsUntilWords(meeting.waits_until)}</span>
        )}
        {(meeting.join_url !== null || meeting.registration_url !== null) && (
          <span className="row-sub">
            {meeting.join_url !== null && (
              <a
                href={meeting.join_url}
                target="_blank"
                rel="noreferrer noopener"
                aria-label={`Open the join link of ${meeting.topic}`}
              >
                Join link
              </a>
            )}
            {meeting.join_url !== null && meeting.registration_url !== null && ' · '}
            {meeting.registration_url !== null && (
              <a
                href={meeting.registration_url}
                target="_blank"
                rel="noreferrer noopener"
                aria-label={`Open the registration link of ${meeting.topic}`}
              >
                Registration link
              </a>
            )}
          </span>
        )}
      </td>
      <td className="row-actions">
        {meeting.state !== 'deleting' && (
          <button
            type="button"
            className="button-quiet"
            aria-label={`Delete ${meeting.topic}`}
            onClick={() => {
              if (window.confirm(deleteMeetingQuestion(meeting))) onDelete();
            }}
          >
            Delete
          </button>
        )}
      </td>
    </tr>
  );
}

/** Every recurring meeting drafted or on Zoom: search, create, import a config, delete. */
export function MeetingList() {
  const api = useAppStore((state) => state.api);
  const navigate = useAppStore((state) => state.navigate);
  const { meetings, query, error, imported, configImport, load, setQuery, remove, chooseConfig, dismiss } =
    useMeetingsStore();
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (api === undefined) return;
    // An edit the meeting editor has not yet saved is saved first, so the list shows it.
    void useMeetingEditorStore
      .getState()
      .flush(api)
      .then(() => load(api));
    // A sync changes where meetings stand: read the list again as it goes and when it ends.
    let lastRead = 0;
    const stopProgress = api.on('sync.progress', () => {
      if (Date.now() - lastRead < progressReloadMs) return;
      lastRead = Date.now();
      void load(api);
    });
    const stopFinished = api.on('sync.finished', () => void load(api));
    return () => {
      stopProgress();
      stopFinished();
    };
  }, [api, load]);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file === undefined || api === undefined) return;
    await chooseConfig(api, file);
  };
  const shown = meetings === undefined ? [] : visibleMeetings(meetings, query);
  const importCounts = imported === undefined ? undefined : countActions(imported.meetings);

  return (
    <div className="stack">
      <div className="toolbar">
        <input
          type="search"
          className="search"
          aria-label="Search meetings"
          placeholder="Search meetings"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <span className="toolbar-spacer" />
        <button type="button" className="button-quiet" onClick={() => fileInput.current?.click()}>
          Import config…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-label="Meetings config file"
          hidden
          onChange={(event) => void onFile(event)}
        />
        <button
          type="button"
          className="button-primary"
          onClick={() => navigate({ screen: 'meetings', meetingId: newMeetingId })}
        >
          New meeting
        </button>
      </div>
      {error !== undefined && (
        <div className="banner danger" role="alert">
          <p>{error.message}</p>
          <button type="button" className="button-quiet" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
      {importCounts !== undefined && (
        <div className="banner success" role="status">
          Imported the config: {importWords(importCounts)}. Changes reach Zoom at the next sync.{' '}
          <button type="button" className="button-link" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
      {configImport !== undefined && api !== undefined && <ImportConfigDialog api={api} chosen={configImport} />}
      {meetings !== undefined && meetings.length === 0 ? (
        <EmptyState icon="meetings" title="No meetings yet">
          <p>
            Plan recurring Zoom Meetings for the hosts of your account: a weekly standup, a monthly all-hands. Import
            the config file of the recurring-meetings script as it is, or start a new meeting. Every change is saved on
            this computer as you make it, and reaches Zoom when you sync.
          </p>
          <ConnectPrompt />
        </EmptyState>
      ) : (
        <table className="data-table meetings-table" aria-label="Meetings">
          <thead>
            <tr>
              <th scope="col">Meeting</th>
              <th scope="col">Schedule</th>
              <th scope="col">First and last</th>
              <th scope="col" className="numeric">
                Occurrences
              </th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((meeting) => (
              <MeetingRow key={meeting.id} meeting={meeting} onDelete={() => api && void remove(api, meeting.id)} />
            ))}
          </tbody>
        </table>
      )}
      {meetings !== undefined && meetings.length > 0 && shown.length === 0 && (
        <p className="muted">No meetings match “{query}”.</p>
      )}
    </div>
  );
}
