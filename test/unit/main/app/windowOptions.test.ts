import { describe, expect, it } from 'vitest';
import { createWindowOptions, secureWebPreferences } from '../../../../main/app/windowOptions';

describe('window options', () => {
  const options = createWindowOptions('/app/dist/preload/preload.cjs', { isPackaged: true });

  it('isolates and sandboxes the renderer, without Node', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and insecure content, webviews and experiments off', () => {
    expect(options.webPreferences).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('loads only the contract preload', () => {
    expect(options.webPreferences?.preload).toBe('/app/dist/preload/preload.cjs');
  });

  it('every window gets the same secure preferences', () => {
    expect(createWindowOptions('/x', { isPackaged: false }).webPreferences).toMatchObject(secureWebPreferences);
  });

  it('shows the window only once it has painted', () => {
    expect(options.show).toBe(false);
  });

  it('cannot open DevTools in a packaged build; a development run can', () => {
    expect(options.webPreferences?.devTools).toBe(false);
    expect(createWindowOptions('/x', { isPackaged: false }).webPreferences?.devTools).toBe(true);
  });
});
