import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * The renderer is untrusted: isolated from the preload, sandboxed, without Node, and unable to run
 * insecure content or open further windows.
 */
export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: true,
} as const satisfies WebPreferences;

/**
 * The main window: the secure preferences plus the preload that exposes `window.cadence`. DevTools
 * would let anyone at the keyboard call that API and read the page, so only development runs have them.
 */
export function createWindowOptions(
  preloadPath: string,
  build: { isPackaged: boolean },
): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Cadence',
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: { ...secureWebPreferences, devTools: !build.isPackaged, preload: preloadPath },
  };
}
