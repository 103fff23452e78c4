// Gives the test run a real, unlocked Secret Service (gnome-keyring on a D-Bus session bus).
// Uses the caller's session when it already offers one; otherwise the run is re-executed inside
// a private `dbus-run-session` with a throwaway keyring folder, so tests never touch a person's
// own keyring.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const insideMarker = 'CADENCE_TEST_DBUS_SESSION';

function hasSecretService() {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return false;
  const probe = spawnSync(
    'dbus-send',
    [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      'string:org.freedesktop.secrets',
    ],
    { encoding: 'utf8', timeout: 5_000 },
  );
  return probe.status === 0 && /boolean true/.test(probe.stdout);
}

/** Starts gnome-keyring's secrets component on the current bus, unlocked with a throwaway password. */
function startKeyringDaemon() {
  const daemon = spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {
    input: 'cadence-test-keyring\n',
    encoding: 'utf8',
    timeout: 15_000,
  });
  if (daemon.status !== 0) {
    throw new Error(`gnome-keyring-daemon did not start: ${daemon.stderr || daemon.error?.message}`);
  }
  for (const line of daemon.stdout.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) process.env[match[1]] = match[2];
  }
}

/**
 * Either returns (a Secret Service is ready in this process's environment) or runs `script` again
 * inside a private session bus and resolves with its exit code.
 */
export async function ensureSecretService(script, args) {
  if (process.env[insideMarker] === '1') {
    startKeyringDaemon();
    return undefined;
  }
  if (hasSecretService()) return undefined;
  const env = { ...process.env, [insideMarker]: '1', XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'cadence-keyring-')) };
  const child = spawn('dbus-run-session', ['--', process.execPath, script, ...args], { stdio: 'inherit', env });
  return new Promise((resolve, reject) => {
    child.on('error', (error) =>
      reject(new Error(`Could not start a D-Bus session (is the "dbus-daemon" package installed?): ${error.message}`)),
    );
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
