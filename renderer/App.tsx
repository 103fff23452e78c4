import type { ReactNode } from 'react';
import { OnlineIndicator } from './components/OnlineIndicator';
import { Sidebar, screenTitles } from './components/Sidebar';
import { CheckInScreen } from './screens/CheckInScreen';
import { SeriesScreen } from './screens/SeriesScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { SyncScreen } from './screens/SyncScreen';
import { useAppStore, type Screen } from './stores/useAppStore';

const screenViews: Readonly<Record<Screen, () => ReactNode>> = {
  series: SeriesScreen,
  sync: SyncScreen,
  checkin: CheckInScreen,
  settings: SettingsScreen,
};

/** The app frame: navigation, the current screen's title and Zoom's reachability, then the screen. */
export function App() {
  const screen = useAppStore((state) => state.screen);
  const error = useAppStore((state) => state.error);
  const View = screenViews[screen];
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
          <View />
        </main>
      </div>
    </div>
  );
}
