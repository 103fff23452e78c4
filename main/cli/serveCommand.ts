import { join } from 'node:path';
import { readAppVersion } from '../config/appVersion';
import { createCore } from '../core';
// eslint-disable-next-line no-restricted-imports -- the known exception to "hosts never import each other": `cadence serve` starts the serve host from the CLI's entry point until a launcher above the hosts dispatches commands.
import { startServeServer } from '../serve/serveServer';
import { untilInterrupted } from './untilInterrupted';

export interface ServeCommandOptions {
  appRoot: string;
  dataDir: string;
  port: number | undefined;
  isJson: boolean;
  stdout: NodeJS.WritableStream;
}

/** `cadence serve`: runs the user interface for a browser until interrupted. */
export async function runServeCommand(options: ServeCommandOptions): Promise<void> {
  const core = createCore({
    dataDir: options.dataDir,
    host: 'serve',
    version: readAppVersion(options.appRoot),
  });
  const handle = await startServeServer({
    core,
    rendererDir: join(options.appRoot, 'dist', 'renderer'),
    port: options.port,
  });
  if (options.isJson) {
    options.stdout.write(`${JSON.stringify({ url: handle.url, port: handle.port, data_dir: options.dataDir })}\n`);
  } else {
    options.stdout.write(
      `Cadence is running at ${handle.url}\nData directory: ${options.dataDir}\nPress Ctrl+C to stop.\n`,
    );
  }
  await untilInterrupted();
  await handle.close();
  await core.close();
}
