import type { ZoomOpenReport, ZoomOpenResult } from '../../../shared/zoom/zoomCatalog';
import { plural } from '../../lib/words';
import { KeptOnZoomList } from './KeptOnZoomList';

function outcomeWords(result: ZoomOpenResult): string {
  switch (result.outcome) {
    case 'opened':
      return 'Opened as a new series';
    case 'refreshed': {
      const parts = [
        result.changes === 0 ? 'nothing new on Zoom' : `${plural(result.changes, 'change')} taken from Zoom`,
        ...(result.conflicts === 0 ? [] : [`${plural(result.conflicts, 'conflict')} to settle on the Sync screen`]),
      ];
      return `Already here, refreshed: ${parts.join(', ')}`;
    }
    case 'failed':
      return 'Not opened';
  }
}

/** What opening did to each event: a new series, a refresh of the one it is, or why not. */
export function OpenResults({ report }: { report: ZoomOpenReport }) {
  const opened = report.results.filter((result) => result.outcome !== 'failed').length;
  return (
    <section className="panel" aria-labelledby="open-results-heading">
      <h2 id="open-results-heading">Opened from Zoom</h2>
      <p role="status">
        {opened} of {plural(report.results.length, 'event')} in Cadence now.
      </p>
      <ul className="open-results">
        {report.results.map((result) => (
          <li key={result.event_id} className={`open-result open-result-${result.outcome}`}>
            <p>
              <strong>{result.name}</strong> — {outcomeWords(result)}
              {result.series_id !== null && (
                <>
                  {' '}
                  <a href={`#series/${encodeURIComponent(result.series_id)}`}>Go to the series</a>
                </>
              )}
            </p>
            {result.error !== null && (
              <p className="field-problem">
                {result.error.message}
                {result.error.path === null ? '' : ` (Zoom's field ${result.error.path})`}
              </p>
            )}
            {result.kept_on_zoom.length > 0 && (
              <>
                <p className="muted">Kept on Zoom, untouched by Cadence:</p>
                <KeptOnZoomList items={result.kept_on_zoom} label={`Kept on Zoom for ${result.name}`} />
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
