import { useCallback, useEffect, useRef } from 'react';
import { seriesTabs, useAppStore, type SeriesTab } from '../../stores/useAppStore';
import { useEditorStore, type SaveState } from '../../stores/useEditorStore';
import { isReplaced as isReplacedBy } from '../../../shared/drafts/seriesLink';
import { plural } from '../../lib/words';
import { AttendeesPanel } from '../attendees/AttendeesPanel';
import { ClosedDaysFields } from './ClosedDaysFields';
import { EventFields } from './EventFields';
import { HistoryPanel } from './HistoryPanel';
import { OccurrencePreview } from './OccurrencePreview';
import { ReadinessToggle } from './ReadinessToggle';
import { ScheduleFields } from './ScheduleFields';
import { SeriesLinksBanner } from './SeriesLinksBanner';
import { SeriesPartsPanel } from './SeriesPartsPanel';
import { CapacityFields } from './CapacityFields';
import { TicketFields } from './TicketFields';
import { ErrorBanner } from '../ErrorBanner';
import { ExportMenu } from './ExportMenu';
import { ZoomPages } from './ZoomPages';
import { ZoomOriginPanel } from './ZoomOriginPanel';
import { AttendancePanel } from '../reports/AttendancePanel';

const saveWords: Readonly<Record<SaveState, string>> = {
  saved: 'All changes saved',
  saving: 'Saving…',
  invalid: 'Not saved yet: fix the problems marked below',
  failed: 'Not saved',
};

const tabNames: Readonly<Record<SeriesTab, string>> = {
  details: 'Details',
  attendees: 'Attendees',
  attendance: 'Attendance',
  history: 'History',
};

/** One series: its details with the live preview, its attendees, its attendance, or its history. */
export function SeriesEditor({ seriesId, tab }: { seriesId: string; tab: SeriesTab }) {
  const api = useAppStore((state) => state.api);
  const navigate = useAppStore((state) => state.navigate);
  const { details, issues, saveState, error, open, change, flush, isReady, setReady, links, patternChangeFrom } =
    useEditorStore();
  // A series a pattern change replaced stays as it was: its successor is the one to change.
  const isReplaced = isReplacedBy(links);

  // One function for the editor's life, so that memoised parts (the preview's rows) are not rendered again.
  const edit = useCallback(
    (update: Parameters<typeof change>[1]) => {
      if (api !== undefined) change(api, update);
    },
    [api, change],
  );
  const heading = useRef<HTMLHeadingElement>(null);
  const isShown = details !== undefined;

  useEffect(() => {
    if (api !== undefined) void open(api, seriesId);
  }, [api, open, seriesId]);
  // Leaving the editor (or the window) saves what is pending at once.
  useEffect(() => {
    const save = () => api && void flush(api);
    window.addEventListener('beforeunload', save);
    return () => {
      window.removeEventListener('beforeunload', save);
      save();
    };
  }, [api, flush]);

  // An opened series is announced by its name: the focus goes to its heading, unless a field
  // took it first (the name of a new series), instead of falling back to the page's body.
  useEffect(() => {
    if (!isShown) return;
    const focused = document.activeElement;
    if (focused === null || focused === document.body) heading.current?.focus();
  }, [isShown]);

  if (error !== undefined && details === undefined) {
    return (
      <div className="banner danger" role="alert">
        {error.message} <a href="#series">Back to all series</a>
      </div>
    );
  }
  if (api === undefined || details === undefined) return <p className="muted">Opening the series…</p>;
  const otherIssues = issues.filter((issue) => issue.path.startsWith('attendees'));

  return (
    <div className="editor">
      <div className="editor-head">
        <a href="#series" className="back-link">
          ← All series
        </a>
        <h2 className="editor-title" ref={heading} tabIndex={-1}>
          {details.name || 'Untitled series'}
        </h2>
        <p className={`save-state save-${saveState}`} role="status" aria-live="polite">
          {saveState === 'invalid' && issues.length > 0
            ? `Not saved yet: ${plural(issues.length, 'problem')} to fix`
            : saveWords[saveState]}
        </p>
        <ReadinessToggle
          seriesName={details.name}
          isReady={isReady}
          onChange={(ready) => void setReady(api, ready)}
          hasHint={!isReplaced}
          isDisabled={isReplaced}
        />
        <ExportMenu
          api={api}
          seriesIds={[seriesId]}
          label={`Export ${details.name || 'this series'}`}
          beforeExport={() => flush(api)}
        />
      </div>
      <SeriesLinksBanner links={links} zone={details.timezone} />
      <ZoomPages seriesId={seriesId} />
      {/* The parts as they are on Zoom, not as a pattern change being drafted would make them. */}
      <SeriesPartsPanel seriesId={seriesId} details={patternChangeFrom ?? details} />
      <ZoomOriginPanel seriesId={seriesId} />
      <div className="tabs" role="tablist" aria-label="Series">
        {seriesTabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            id={`tab-${name}`}
            className="tab"
            onClick={() => navigate({ screen: 'series', seriesId, tab: name })}
          >
            {tabNames[name]}
          </button>
        ))}
      </div>
      <ErrorBanner error={error} />
      {otherIssues.length > 0 && (
        <div className="banner danger" role="alert">
          <p>
            This change does not fit{' '}
            {plural(new Set(otherIssues.map((issue) => issue.path.split('.')[0])).size, 'attendee')} on the list:
          </p>
          <ul className="issue-list">
            {otherIssues.slice(0, 5).map((issue) => (
              <li key={issue.path}>{issue.message}</li>
            ))}
          </ul>
        </div>
      )}
      {tab === 'details' ? (
        <div className="editor-body" role="tabpanel" id="panel-details" aria-labelledby="tab-details">
          <fieldset className="editor-form" disabled={isReplaced}>
            <EventFields api={api} details={details} issues={issues} edit={edit} />
            <ScheduleFields api={api} details={details} issues={issues} edit={edit} />
            <ClosedDaysFields api={api} details={details} issues={issues} edit={edit} />
            <TicketFields api={api} details={details} issues={issues} edit={edit} />
            <CapacityFields api={api} details={details} issues={issues} edit={edit} />
          </fieldset>
          <OccurrencePreview details={details} issues={issues} edit={edit} isReadOnly={isReplaced} />
        </div>
      ) : tab === 'attendees' ? (
        <div role="tabpanel" id="panel-attendees" aria-labelledby="tab-attendees">
          <AttendeesPanel seriesId={seriesId} details={details} isReadOnly={isReplaced} />
        </div>
      ) : tab === 'attendance' ? (
        <div role="tabpanel" id="panel-attendance" aria-labelledby="tab-attendance">
          <AttendancePanel seriesId={seriesId} />
        </div>
      ) : (
        <div role="tabpanel" id="panel-history" aria-labelledby="tab-history">
          <HistoryPanel seriesId={seriesId} zone={details.timezone} />
        </div>
      )}
    </div>
  );
}
