import type { CheckInEvent } from '../../../shared/checkin/checkIn';
import { clockTime, whenWords } from '../../lib/checkInTimes';
import { useAppStore } from '../../stores/useAppStore';
import { useCheckInStore } from '../../stores/useCheckInStore';

/**
 * Always in sight at the desk: whether Zoom answers, how many check-ins wait to upload, when this
 * desk last uploaded, Zoom's refusals with its own words, and what offline desks cannot know.
 */
export function UploadStatus({ event }: { event: CheckInEvent }) {
  const api = useAppStore((state) => state.api);
  const isOnline = useAppStore((state) => state.online?.isOnline);
  const isUploading = useCheckInStore((state) => state.isUploading);
  const report = useCheckInStore((state) => state.uploadReport);
  const upload = useCheckInStore((state) => state.upload);
  const refusals = useCheckInStore(
    (state) => state.status?.events.find((entry) => entry.eventId === event.eventId)?.refusals ?? noRefusals,
  );
  const { waiting } = event.counts;
  return (
    <section className="upload-status" aria-labelledby="upload-heading">
      <h2 id="upload-heading" className="visually-hidden">
        Upload to Zoom
      </h2>
      <dl className="upload-facts">
        <dt>Zoom</dt>
        <dd className={isOnline === false ? 'is-offline' : 'is-online'}>
          {isOnline === undefined ? 'Checking…' : isOnline ? 'Online' : 'Offline: check-ins are kept on this laptop'}
        </dd>
        <dt>Waiting to upload</dt>
        <dd data-testid="waiting-count">{waiting}</dd>
        <dt>Last upload</dt>
        <dd>{event.lastUploadAt === null ? 'Not yet' : whenWords(event.lastUploadAt)}</dd>
      </dl>
      <div className="actions">
        <button
          type="button"
          className="button-quiet"
          disabled={isUploading || api === undefined}
          onClick={() => api && void upload(api)}
        >
          {isUploading ? 'Uploading…' : 'Upload now'}
        </button>
        {report !== undefined && (
          <span className="muted" role="status">
            {report.message}
          </span>
        )}
      </div>
      <p className="small-print">
        Two desks that are offline at the same time can each admit the same person until they sync.
      </p>
      {refusals.length > 0 && (
        <div className="banner danger">
          <h3>Zoom refused {refusals.length === 1 ? '1 check-in' : `${String(refusals.length)} check-ins`}</h3>
          <ul aria-label="Refused check-ins">
            {refusals.map((refusal) => (
              <li key={refusal.checkInId}>
                <strong>{refusal.email}</strong>
                {refusal.recordedAt === null ? '' : `, checked in at ${clockTime(refusal.recordedAt)}`}
                {refusal.desk === null ? '' : ` at ${refusal.desk}`}: “{refusal.message}”
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

const noRefusals: never[] = [];
