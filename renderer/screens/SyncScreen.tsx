import { EmptyState } from '../components/EmptyState';
import { useAppStore } from '../stores/useAppStore';

/** What is waiting to reach Zoom, and the runs that took it there. */
export function SyncScreen() {
  const isOnline = useAppStore((state) => state.online?.isOnline);
  return (
    <EmptyState icon="sync" title="Nothing waiting to sync">
      <p>
        Changes you make to series wait here until they are on Zoom. Anything someone changed on Zoom meanwhile is shown
        for you to settle, never overwritten.
      </p>
      <p>
        {isOnline ? 'Zoom is reachable now.' : 'Zoom is out of reach now; changes will wait safely on this computer.'}
      </p>
    </EmptyState>
  );
}
