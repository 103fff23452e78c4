import type { SeriesLinks } from '../../../shared/drafts/seriesLink';
import { formatMoment } from '../../lib/zonedTime';

/**
 * The series a pattern change linked to this one, both ways: the one it continues, or the one that
 * continues it (and whether the old event is cancelled on Zoom yet).
 */
export function SeriesLinksBanner({ links, zone }: { links: SeriesLinks; zone: string }) {
  const successor = links.replaced_by.find((link) => link.kind === 'pattern_change');
  const predecessor = links.replaces.find((link) => link.kind === 'pattern_change');
  if (successor === undefined && predecessor === undefined) return null;
  return (
    <div className="banner warning" role="note" aria-label="Linked series">
      {successor !== undefined && (
        <p>
          Its pattern changed on {formatMoment(successor.created_at, zone)}: this series continues as{' '}
          <a href={`#series/${successor.series_id}`}>{successor.name}</a>, with every registration.{' '}
          {successor.settled_at === null
            ? 'Its event on Zoom is cancelled at the next sync, once the new event holds every registration.'
            : `Its event on Zoom was cancelled on ${formatMoment(successor.settled_at, zone)}.`}{' '}
          It stays here as it was, for the record.
        </p>
      )}
      {predecessor !== undefined && (
        <p>
          Continues <a href={`#series/${predecessor.series_id}`}>{predecessor.name}</a> with a new pattern (changed on{' '}
          {formatMoment(predecessor.created_at, zone)}).{' '}
          {predecessor.settled_at === null
            ? 'The old event is cancelled on Zoom once this one holds every registration.'
            : 'The old event is cancelled on Zoom.'}
        </p>
      )}
    </div>
  );
}
