import { lazy, Suspense } from 'react';
import { SeriesList } from '../components/series/SeriesList';
import { useAppStore } from '../stores/useAppStore';

// The editor (and the date and time fields it brings) is a chunk of its own, fetched at once beside
// the rest: the list, the first screen, paints without waiting for it, and an opened series
// does not wait for the list.
const editorModule = import('../components/series/SeriesEditor');
const SeriesEditor = lazy(async () => ({ default: (await editorModule).SeriesEditor }));

/** Every draft and synced series, or the one being edited. */
export function SeriesScreen() {
  const route = useAppStore((state) => state.route);
  if (route.seriesId === undefined) return <SeriesList />;
  return (
    <Suspense fallback={<p className="muted">Opening the series…</p>}>
      <SeriesEditor key={route.seriesId} seriesId={route.seriesId} tab={route.tab ?? 'details'} />
    </Suspense>
  );
}
