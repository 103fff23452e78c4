import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { CadenceError } from '../../shared/errors';
import { limits, megabytes } from '../../shared/limits';
import type { MeetingConfig } from '../../shared/meetings/readMeetingConfig';
import { readConfigOrThrow } from '../meetings/meetingImport';

/** A config read from disk, with where its CSV goes. */
export interface MeetingConfigFile {
  path: string;
  config: MeetingConfig;
  /** `output_file`, relative to the config's folder unless absolute. */
  csvPath: string;
}

/** Reads and checks a recurring-meetings config; any problem is invalid input and nothing is touched. */
export function readMeetingConfigFile(path: string): MeetingConfigFile {
  let text: string;
  try {
    if (statSync(path).size > limits.seriesFileBytes) {
      throw new CadenceError(
        'invalid_input',
        `${path} is larger than ${megabytes(limits.seriesFileBytes)}, the most Cadence reads of a config; nothing was imported.`,
      );
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof CadenceError) throw error;
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new CadenceError('invalid_input', `Cannot read ${path} (${reason}).`, [
      { path: '', message: 'Give the path of a recurring-meetings config (JSON) that you may read.' },
    ]);
  }
  const config = readConfigOrThrow(text, path);
  const csvPath = isAbsolute(config.outputFile)
    ? config.outputFile
    : resolve(dirname(resolve(path)), config.outputFile);
  return { path, config, csvPath };
}

/**
 * The environment of a run that signs in with the config's `zoom_api` block: ZOOM_* credentials are
 * used as given and never written anywhere (not the database, the keychain or a log). Without a
 * block, the environment as it is: the ZOOM_* variables or the keychain.
 */
export function runEnvironment(config: MeetingConfig, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  if (config.zoomApi === undefined) return env;
  return {
    ...env,
    ZOOM_ACCOUNT_ID: config.zoomApi.account_id,
    ZOOM_CLIENT_ID: config.zoomApi.client_id,
    ZOOM_CLIENT_SECRET: config.zoomApi.client_secret,
  };
}
