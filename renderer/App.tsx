import { lazy, Suspense, type ComponentType } from 'react';
import { OnlineIndicator } from './components/OnlineIndicator';
import { Sidebar, screenTitles } from './components/Sidebar';
import { MeetingsScreen } from './screens/MeetingsScreen';
import { OnZoomScreen } from './screens/OnZoomScreen';
import { SeriesScreen } from './screens/SeriesScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { SyncScreen } from './screens/SyncScreen';
import { useAppStore, type Screen } from './stores/useAppStore';
import { useKioskStore } from './stores/useKioskStore';

// The check-in desk and the kiosk are a chunk of their own, fetched at once beside the rest, so
// the series list paints without them.
const checkInModule = import('./screens/CheckInScreen');
const CheckInScreen = lazy(async () => ({ default: (await checkInModule).CheckInScreen }));
const kioskModule = import('./components/checkin/KioskScreen');
const KioskScreen = lazy(async () => ({ default: (await kioskModule).KioskScreen }));

const screenViews: Readonly<Record<Screen, ComponentType>> = {
  series: SeriesScreen,
  meetings: MeetingsScreen,
  zoom: OnZoomScreen,
  sync: SyncScreen,
  checkin: CheckInScreen,
  settings: SettingsScreen,
};

/** The app frame (or, on a laptop locked to self check-in, only the kiosk): navigation, the current screen's title and Zoom's reachability, then the screen. */
export function App() {
  const screen = useAppStore((state) => state.screen);
  const error = useAppStore((state) => state.error);
  const kiosk = useKioskStore((state) => state.kiosk);
  const View = screenViews[screen];
  // A page that last saw the kiosk locked shows nothing until main says whether it still is, so a kiosk never flashes the app.
  if (kiosk === undefined) return null;
  if (kiosk.locked) {
    return (
      <Suspense fallback={null}>
        <KioskScreen />
      </Suspense>
    );
  }
  return (
    <div className="app-frame">
      <Sidebar />
      <div className="workspace">
        <header className="topbar">
          <h1>{screenTitles[screen]}</h1>
          <OnlineIndicator />
        </header>
        <main className="content">
          {error && (
            <div className="banner danger" role="alert">
              {error.message}
            </div>
          )}
          <Suspense fallback={<p className="muted">Loading…</p>}>
            <View />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
