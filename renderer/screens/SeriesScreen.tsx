import { SeriesEditor } from '../components/series/SeriesEditor';
import { SeriesList } from '../components/series/SeriesList';
import { useAppStore } from '../stores/useAppStore';

/** Every draft and synced series, or the one being edited. */
export function SeriesScreen() {
  const route = useAppStore((state) => state.route);
  if (route.seriesId === undefined) return <SeriesList />;
  return <SeriesEditor key={route.seriesId} seriesId={route.seriesId} tab={route.tab ?? 'details'} />;
}
