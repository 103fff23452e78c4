import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { createCore, type Core } from '../core';
import { openSqlite } from '../db/sqlite';
import { forwardEvents, registerIpcHandlers, sendEvent } from '../ipc/electronIpc';
import { appEntryUrl, appProtocolResponse, appScheme, isAppUrl, privilegedSchemes } from './appProtocol';
import { electronSqliteBindingPath } from './nativeModules';
import { saveBeforeClose } from './saveBeforeClose';
import { hardenSession, hardenWebContents } from './security';
import { createWindowOptions } from './windowOptions';

// Before `ready`: the scheme must be privileged, and the data folder fixed before anything uses it.
protocol.registerSchemesAsPrivileged(privilegedSchemes);
if (process.env.CADENCE_DATA_DIR) app.setPath('userData', process.env.CADENCE_DATA_DIR);

const appRoot = app.getAppPath();
const rendererDir = join(appRoot, 'dist', 'renderer');
const preloadPath = join(appRoot, 'dist', 'preload', 'preload.cjs');

let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;

/** Fails early, with a message a person can act on, when the Electron build of SQLite is missing. */
const sqliteBinding = (): string =>
  electronSqliteBindingPath({ isPackaged: app.isPackaged, appRoot, resourcesPath: process.resourcesPath });

function checkNativeModules(): boolean {
  const binding = sqliteBinding();
  try {
    openSqlite(':memory:', { nativeBinding: binding }).close();
    return true;
  } catch (error) {
    dialog.showErrorBox(
      'Cadence cannot open its database',
      `The database driver for this version of Cadence could not be loaded (${binding}).\n` +
        `Run "npm start" again to rebuild it.\n\n${error instanceof Error ? error.message : String(error)}`,
    );
    return false;
  }
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(createWindowOptions(preloadPath, { isPackaged: app.isPackaged }));
  if (core) forwardEvents(core.events, window.webContents);
  saveBeforeClose(window, { askToSave: () => sendEvent(window.webContents, 'app.saveBeforeClose', {}) });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appEntryUrl);
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, (url) => void shell.openExternal(url));
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    const closing = core;
    if (closing === undefined) return;
    // Let the Zoom client and the database close cleanly before the process ends.
    event.preventDefault();
    core = undefined;
    void closing.close().finally(() => {
      app.exit(0);
    });
  });

  void app.whenReady().then(() => {
    if (!checkNativeModules()) {
      app.exit(1);
      return;
    }
    hardenSession(session.defaultSession);
    protocol.handle(appScheme, (request) => appProtocolResponse(rendererDir, request.url));
    try {
      core = createCore({
        dataDir: app.getPath('userData'),
        host: 'electron',
        version: app.getVersion(),
        sqliteBinding: sqliteBinding(),
      });
    } catch (error) {
      // A locked, damaged or newer database: say which file and what to do; touch nothing.
      dialog.showErrorBox('Cadence cannot open its data', error instanceof Error ? error.message : String(error));
      app.exit(1);
      return;
    }
    registerIpcHandlers(ipcMain, core.router, isAppUrl);
    mainWindow = createMainWindow();
    mainWindow.on('closed', () => {
      mainWindow = undefined;
    });
  });
}
