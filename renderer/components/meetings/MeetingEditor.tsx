import { useCallback, useEffect, useRef } from 'react';
import type { MeetingDraft } from '../../../shared/meetings/meetingDraft';
import { deleteMeetingQuestion, waitsUntilWords } from '../../lib/meetingWords';
import { plural } from '../../lib/words';
import { newMeetingId, useAppStore } from '../../stores/useAppStore';
import type { SaveState } from '../../stores/useEditorStore';
import { useMeetingEditorStore } from '../../stores/useMeetingEditorStore';
import { useMeetingsStore } from '../../stores/useMeetingsStore';
import { ErrorBanner } from '../ErrorBanner';
import { PageAddress } from '../series/ZoomPages';
import { MeetingFields } from './MeetingFields';
import { MeetingPreview } from './MeetingPreview';
import { MeetingScheduleFields } from './MeetingScheduleFields';
import { MeetingSettingsFields } from './MeetingSettingsFields';
import { MeetingStateBadge } from './MeetingStateBadge';

const saveWords: Readonly<Record<SaveState, string>> = {
  saved: 'All changes saved',
  saving: 'Saving…',
  invalid: 'Not saved yet: fix the problems marked below',
  failed: 'Not saved',
};

/** One recurring meeting: its fields, where it stands with Zoom, and the live preview of its occurrences. */
export function MeetingEditor({ meetingId }: { meetingId: string }) {
  const api = useAppStore((state) => state.api);
  const navigate = useAppStore((state) => state.navigate);
  const { draft, summary, issues, saveState, error, open, openNew, change, flush } = useMeetingEditorStore();
  const createdId = useMeetingEditorStore((state) => state.createdId);
  const takeCreated = useMeetingEditorStore((state) => state.takeCreated);
  const remove = useMeetingsStore((state) => state.remove);
  const heading = useRef<HTMLHeadingElement>(null);
  const isNew = meetingId === newMeetingId;

  const edit = useCallback(
    (update: (current: MeetingDraft) => MeetingDraft) => {
      if (api !== undefined) change(api, update);
    },
    [api, change],
  );
  useEffect(() => {
    if (api === undefined) return;
    if (isNew) void openNew(api);
    else void open(api, meetingId);
  }, [api, isNew, meetingId, open, openNew]);
  // A new meeting, once saved, has its own place: a reload or Back opens it, not another new one.
  useEffect(() => {
    if (!isNew || createdId === undefined) return;
    takeCreated();
    navigate({ screen: 'meetings', meetingId: createdId }, { replace: true });
  }, [isNew, createdId, navigate, takeCreated]);
  // Leaving the editor saves what is pending at once.
  useEffect(() => () => void (api && flush(api)), [api, flush]);
  const isShown = draft !== undefined;
  useEffect(() => {
    if (!isShown || isNew) return;
    const focused = document.activeElement;
    if (focused === null || focused === document.body) heading.current?.focus();
  }, [isShown, isNew]);

  if (error !== undefined && draft === undefined) {
    return (
      <div className="banner danger" role="alert">
        {error.message} <a href="#meetings">Back to all meetings</a>
      </div>
    );
  }
  if (api === undefined || draft === undefined) return <p className="muted">Opening the meeting…</p>;

  const deleteMeeting = async () => {
    const id = useMeetingEditorStore.getState().meetingId;
    const question = deleteMeetingQuestion({ topic: draft.topic, zoom_meeting_id: summary?.zoom_meeting_id ?? null });
    if (!window.confirm(question)) return;
    if (id !== undefined) {
      await flush(api);
      await remove(api, id);
    }
    navigate('meetings');
  };

  return (
    <div className="editor">
      <div className="editor-head">
        <a href="#meetings" className="back-link">
          ← All meetings
        </a>
        <h2 className="editor-title" ref={heading} tabIndex={-1}>
          {draft.topic.trim() || 'Untitled meeting'}
        </h2>
        <p className={`save-state save-${saveState}`} role="status" aria-live="polite">
          {saveState === 'invalid' && issues.length > 0
            ? `Not saved yet: ${plural(issues.length, 'problem')} to fix`
            : saveWords[saveState]}
        </p>
        {summary !== undefined && <MeetingStateBadge state={summary.state} />}
        <button type="button" className="button-quiet" onClick={() => void deleteMeeting()}>
          Delete meeting
        </button>
      </div>
      {summary !== undefined && (summary.join_url !== null || summary.state === 'waiting_for_quota') && (
        <section className="zoom-pages" aria-label="On Zoom">
          <dl className="facts">
            {summary.state === 'waiting_for_quota' && (
              <>
                <dt>Waits</dt>
                <dd>For the host&apos;s daily limit of changes on Zoom, {waitsUntilWords(summary.waits_until)}</dd>
              </>
            )}
            {summary.zoom_meeting_id !== null && (
              <>
                <dt>Meeting ID</dt>
                <dd>{summary.zoom_meeting_id}</dd>
              </>
            )}
            {summary.join_url !== null && (
              <>
                <dt>Join link</dt>
                <dd>
                  <PageAddress url={summary.join_url} name="join link" />
                </dd>
              </>
            )}
            {summary.registration_url !== null && (
              <>
                <dt>Registration link</dt>
                <dd>
                  <PageAddress url={summary.registration_url} name="registration link" />
                </dd>
              </>
            )}
          </dl>
        </section>
      )}
      <ErrorBanner error={error} />
      <div className="editor-body">
        <div className="editor-form">
          <MeetingFields draft={draft} issues={issues} edit={edit} isNew={isNew} />
          <MeetingScheduleFields draft={draft} issues={issues} edit={edit} />
          <MeetingSettingsFields draft={draft} issues={issues} edit={edit} />
        </div>
        <MeetingPreview draft={draft} issues={issues} />
      </div>
    </div>
  );
}
