import { useAppStore, type Screen } from '../stores/useAppStore';
import { Icon, type IconName } from './Icon';
import { KeyboardShortcuts } from './KeyboardShortcuts';

export const screenTitles: Readonly<Record<Screen, string>> = {
  series: 'Series',
  meetings: 'Meetings',
  zoom: 'On Zoom',
  sync: 'Sync',
  checkin: 'Check-in',
  settings: 'Settings',
};

const items: readonly { screen: Screen; icon: IconName }[] = [
  { screen: 'series', icon: 'series' },
  { screen: 'meetings', icon: 'meetings' },
  { screen: 'zoom', icon: 'cloud' },
  { screen: 'sync', icon: 'sync' },
  { screen: 'checkin', icon: 'checkin' },
  { screen: 'settings', icon: 'settings' },
];

/** The app's main navigation: one link per screen, the current one marked for assistive technology. */
export function Sidebar() {
  const current = useAppStore((state) => state.screen);
  const version = useAppStore((state) => state.info?.version);
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        Cadence
      </div>
      <nav aria-label="Main">
        <ul>
          {items.map(({ screen, icon }) => (
            <li key={screen}>
              <a href={`#${screen}`} aria-current={screen === current ? 'page' : undefined}>
                <Icon name={icon} />
                {screenTitles[screen]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="sidebar-footer">
        <KeyboardShortcuts />
        <p>{version === undefined ? '' : `Version ${version}`}</p>
      </div>
    </aside>
  );
}
