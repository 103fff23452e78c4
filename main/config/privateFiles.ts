import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// The data folder holds attendees' names and emails, so everything Cadence writes there is for its
// owner only, whatever the umask. Windows has no such mode bits: the per-user folder's ACL does it.
const enforced = process.platform !== 'win32';
const groupAndOthers = 0o077;

/**
 * Removes the group's and others' permissions from an existing file or folder. Versions before
 * this one created the data folder's files readable by everyone, so each open tightens them.
 */
export function tightenIfLoose(path: string): void {
  if (!enforced || !existsSync(path)) return;
  const { mode } = statSync(path);
  if ((mode & groupAndOthers) !== 0) chmodSync(path, mode & 0o700);
}

/** Creates a folder (and missing parents) as owner-only, and tightens it if it already existed. */
export function ensurePrivateFolder(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  tightenIfLoose(path);
}

/** Creates an empty owner-only file where none is, and tightens the one that is there. */
export function ensurePrivateFile(path: string): void {
  closeSync(openSync(path, 'a', 0o600));
  tightenIfLoose(path);
}

/** Tightens a folder and every file directly inside it. */
export function tightenFolder(path: string): void {
  if (!existsSync(path)) return;
  tightenIfLoose(path);
  for (const name of readdirSync(path)) tightenIfLoose(join(path, name));
}
