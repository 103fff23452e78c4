import { appendFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensurePrivateFile, ensurePrivateFolder } from '../config/privateFiles';

type Level = 'debug' | 'info' | 'warn' | 'error';

/** A line-per-record JSON log in the data directory, so a bug report can point at one file. */
export interface Logger {
  readonly file: string;
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * Opens (creating if needed) the log file. Writes are synchronous so the line about a crash is on
 * disk before the process dies; logging is rare enough that this costs nothing noticeable.
 */
export function createLogger(file: string, now: () => Date = () => new Date()): Logger {
  // Log lines can name attendees: the log is as private as the database.
  ensurePrivateFolder(dirname(file));
  ensurePrivateFile(file);
  const write = (level: Level, message: string, fields: Record<string, unknown> = {}): void => {
    const record = { time: now().toISOString(), level, message, ...serializeFields(fields) };
    appendFileSync(file, `${JSON.stringify(record)}\n`);
  };
  return {
    file,
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

function serializeFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
  }
  return out;
}
