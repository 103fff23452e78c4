import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { pickBridge } from './bridge/pickBridge';
import { useAppStore } from './stores/useAppStore';
import { useCheckInStore } from './stores/useCheckInStore';
import { useEditorStore } from './stores/useEditorStore';
import { useKioskStore } from './stores/useKioskStore';
import { useMeetingEditorStore } from './stores/useMeetingEditorStore';
import './styles.css';

const store = useAppStore.getState();
const api = pickBridge(store.setBridgeConnected);
void store.connect(api);
void useKioskStore.getState().load(api);

// An edit typed just before the tab or window closes is sent before the page is gone.
const saveBeforeLeaving = (): void => {
  useEditorStore.getState().saveBeforeLeaving(api);
  useMeetingEditorStore.getState().saveBeforeLeaving(api);
};
window.addEventListener('beforeunload', saveBeforeLeaving);
window.addEventListener('pagehide', saveBeforeLeaving);
// A background upload or another desk's check-ins changed the counts and the list the desk shows.
api.on('checkin.changed', () => {
  if (useCheckInStore.getState().events !== undefined) void useCheckInStore.getState().refresh(api);
});

// Closing the tab while check-ins wait to upload asks first (the browser's own question); they stay recorded either way.
window.addEventListener('beforeunload', (event) => {
  const isWaiting = useCheckInStore.getState().events?.some((checkInEvent) => checkInEvent.counts.waiting > 0) ?? false;
  if (isWaiting && useAppStore.getState().info?.host === 'serve') event.preventDefault();
});
// The desktop app asks before it closes the window, and closes it once the last edit is saved.
api.on(
  'app.saveBeforeClose',
  () =>
    void Promise.allSettled([
      useEditorStore.getState().flush(api),
      useMeetingEditorStore.getState().flush(api),
    ]).finally(() => window.close()),
);

// When the operating system reports a network again, ask at once rather than at the next check.
window.addEventListener('online', () => void useAppStore.getState().checkOnline());

// The place lives in the URL fragment, so reload and the browser's back button keep it.
useAppStore.getState().followHash(window.location.hash);
window.addEventListener('hashchange', () => useAppStore.getState().followHash(window.location.hash));
window.addEventListener('popstate', () => useAppStore.getState().followHash(window.location.hash));

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
