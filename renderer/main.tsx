import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { pickBridge } from './bridge/pickBridge';
import { useAppStore } from './stores/useAppStore';
import './styles.css';

const store = useAppStore.getState();
void store.connect(pickBridge(store.setBridgeConnected));

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
