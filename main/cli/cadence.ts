import { join } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CadenceError } from '../../shared/errors';
import { readAppVersion } from '../config/appVersion';
import { resolveDataDir } from '../config/dataDir';
import { createLogger } from '../log/logger';
import { cliAppRoot } from './appRoot';
import { exitCodeFor, exitCodes } from './exitCodes';
import { runCheckInPull, runCheckInRecord, runCheckInStatus, type RecordOptions } from './checkInCommands';
import { runDraftsCommand, runImportCommand, runStatusCommand } from './draftCommands';
import { runChangePatternCommand } from './changePatternCommand';
import { runExpandCommand } from './expandCommand';
import { runExportCommand, type ExportOptions } from './exportCommand';
import { exportFormatSchema } from '../../shared/export/exportFile';
import { runHistoryCommand } from './historyCommand';
import { ticketTypeRulesSchema, type TicketTypeRules } from '../sandbox/sandboxBehaviour';
import { runSandboxCommand } from './sandboxCommand';
import { runConflictsCommand, runResolveCommand, runSyncCommand } from './syncCommand';
import { runServeCommand } from './serveCommand';
import { runConnectCommand, runHubsCommand, type ConnectOptions } from './zoomCommands';
import { escapeTerminalOutput } from './terminalText';
import { addCheckInPushCommand } from './checkInPushCommand';
import { runZoomEventsCommand } from './zoomEventsCommand';
import { runZoomOpenCommand } from './zoomOpenCommand';
import { runZoomRefreshCommand } from './zoomRefreshCommand';
import { runMeetingsImportCommand, type MeetingsImportOptions } from './meetingsImportCommand';
import { runMeetingsCreateCommand } from './meetingsCreateCommand';
import { runMeetingsListCommand } from './meetingsListCommand';
import { runReportCommand, type ReportOptions } from './reportCommand';

interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new InvalidArgumentError('a port is a whole number from 1 to 65535.');
  }
  return port;
}

function buildProgram(appRoot: string): Command {
  const program = new Command('cadence')
    .description('Plan Zoom Events series offline and sync them when you are back online.')
    .version(readAppVersion(appRoot), '-V, --version')
    .addOption(new Option('--data-dir <dir>', 'where the database and logs live').env('CADENCE_DATA_DIR'))
    .option('--json', 'machine-readable output on stdout')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('serve')
    .description("run Cadence's user interface in a browser on 127.0.0.1")
    .option('--port <port>', 'listen on this port instead of a free one', parsePort)
    .action(async (options: { port?: number }) => {
      const globals = program.opts<GlobalOptions>();
      await runServeCommand({
        appRoot,
        dataDir: resolveDataDir(globals.dataDir),
        port: options.port,
        isJson: globals.json === true,
        stdout: process.stdout,
      });
    });

  program
    .command('expand')
    .description('read {timezone, start_time, recurrence} as JSON on stdin; print the occurrences')
    .action(async () => {
      await runExpandCommand(process.stdin, process.stdout);
    });

  const draftContext = () => {
    const globals = program.opts<GlobalOptions>();
    return { dataDir: resolveDataDir(globals.dataDir), isJson: globals.json === true, stdout: process.stdout };
  };

  program
    .command('import')
    .description('import a series file (JSON) as drafts; drafts with the same key are updated')
    .argument('<file>', 'the series file')
    .option('--dry-run', 'validate and report what would change; change nothing')
    .action((file: string, options: { dryRun?: boolean }) => {
      runImportCommand(draftContext(), file, options.dryRun === true);
    });

  program
    .command('change-pattern')
    .description(
      'give a published series a new pattern (Zoom locks it): a new event with every registration, the old one cancelled at the next sync',
    )
    .argument('<series>', 'the series ID or key')
    .argument('<file>', 'a series file holding the series with its new pattern (its attendees are ignored)')
    .option(
      '--message <text>',
      "what Zoom tells the old event's registrants; a sentence naming the new pattern by default",
    )
    .option('--dry-run', 'show what would happen; change nothing')
    .action(async (series: string, file: string, options: { message?: string; dryRun?: boolean }) => {
      await runChangePatternCommand(draftContext(), series, file, {
        ...(options.message === undefined ? {} : { message: options.message }),
        dryRun: options.dryRun === true,
      });
    });

  program
    .command('drafts')
    .description('list drafts with their sync state')
    .action(() => {
      runDraftsCommand(draftContext());
    });

  program
    .command('status')
    .description('outbox counts by state, open conflicts and the last successful sync')
    .action(() => {
      runStatusCommand(draftContext());
    });

  program
    .command('export')
    .description(
      'write series as a CSV of sessions or of attendees, an iCalendar file (a stable --out path is a calendar to subscribe to) or a series file',
    )
    .addOption(
      new Option('--format <format>', 'csv (sessions), attendees_csv, ics or series')
        .choices(exportFormatSchema.options)
        .makeOptionMandatory(),
    )
    .option('--out <file>', 'write to this file, replacing it whole; stdout otherwise')
    .option('--series <keys...>', 'only these series, by key (or ID); all by default')
    .action(async (options: ExportOptions) => {
      await runExportCommand(draftContext(), options);
    });

  const zoomContext = () => ({ ...draftContext(), stdin: process.stdin, stderr: process.stderr });

  program
    .command('conflicts')
    .description("list the open conflicts, with the last synced, your and Zoom's versions")
    .action(() => runConflictsCommand({ ...draftContext(), stderr: process.stderr }));

  program
    .command('resolve')
    .description("settle a conflict: keep yours (local) or take Zoom's (remote); --undo takes back taking Zoom's")
    .argument('<id>', 'the conflict number, from "cadence conflicts"')
    .option('--keep <side>', 'local or remote')
    .option('--undo', "give the draft back what taking Zoom's version replaced, and open the conflict again")
    .action((id: string, options: { keep?: string; undo?: boolean }) =>
      runResolveCommand({ ...draftContext(), stderr: process.stderr }, id, options),
    );

  program
    .command('history')
    .description('the changes to a series, newest first, with who made them (this laptop, Zoom, a resolution…)')
    .argument('<series>', 'the series ID or key')
    .option('--source <sources>', 'only changes by these, comma-separated: here, zoom, planner, resolution, opened')
    .option('--limit <count>', 'at most this many changes (1 to 500; 100 by default)')
    .action((series: string, options: { source?: string; limit?: string }) =>
      runHistoryCommand(draftContext(), series, options),
    );

  program
    .command('sync')
    .description('send the waiting changes to Zoom; --dry-run lists every call without sending')
    .option('--dry-run', 'print every API call the sync would make, in order; touch nothing')
    .action(async (options: { dryRun?: boolean }) => {
      process.exitCode = await runSyncCommand(
        { ...draftContext(), stderr: process.stderr },
        { dryRun: options.dryRun === true },
      );
    });

  program
    .command('connect')
    .description('check Zoom Server-to-Server OAuth credentials, then keep them in the system keychain')
    .requiredOption('--account-id <id>', 'the account ID of the Server-to-Server OAuth app')
    .requiredOption('--client-id <id>', 'its client ID')
    .option('--client-secret-stdin', 'read the client secret from standard input')
    .option('--api-url <url>', "the Zoom API's address, for the sandbox or a proxy")
    .option('--oauth-url <url>', "the OAuth token endpoint's address, with --api-url")
    .addOption(
      new Option('--plan <plan>', "the account's Zoom plan; it sets the rate limits").choices(['pro', 'business']),
    )
    .action(async (options: ConnectOptions) => {
      await runConnectCommand(zoomContext(), options);
    });

  program
    .command('hubs')
    .description('list the hubs where the connected account is a host')
    .action(async () => {
      await runHubsCommand(zoomContext());
    });

  const zoomCommand = program
    .command('zoom')
    .description("the account's events on Zoom, those Cadence did not create too");

  zoomCommand
    .command('events')
    .description(
      "list the account's upcoming and draft events on Zoom (every page), each saying whether it is open here",
    )
    .option('--hub <id>', 'only the events of this hub (IDs as "cadence hubs" lists them)')
    .action(async (options: { hub?: string }) => {
      await runZoomEventsCommand(draftContext(), options);
    });

  zoomCommand
    .command('open')
    .description(
      'bring events from Zoom into Cadence as series linked to them (so the next sync sends nothing); again refreshes them',
    )
    .argument('[eventIds...]', "Zoom event IDs (as 'cadence zoom events' lists them)")
    .option('--hub <id>', 'every upcoming and draft event of this hub instead')
    .action(async (eventIds: string[], options: { hub?: string }) => {
      process.exitCode = await runZoomOpenCommand(zoomContext(), eventIds, options);
    });

  zoomCommand
    .command('refresh')
    .description(
      'read synced series back from Zoom now, as every sync does first: changes made there, new registrations',
    )
    .argument('<series...>', 'series IDs or keys')
    .action(async (series: string[]) => {
      process.exitCode = await runZoomRefreshCommand(draftContext(), series);
    });

  const meetings = program
    .command('meetings')
    .description("recurring Zoom Meetings for many hosts, from the recurring-meetings script's config file");

  meetings
    .command('import')
    .description('read a recurring-meetings config as meeting drafts (by key: again updates, never doubles)')
    .argument('<config>', "the script's JSON config")
    .option('--dry-run', 'check the config and report what would change; change nothing')
    .option('-v, --verbose', 'check each host on Zoom first, and say more about each meeting')
    .action(async (config: string, options: MeetingsImportOptions) => {
      await runMeetingsImportCommand(zoomContext(), config, options);
    });

  meetings
    .command('create')
    .description(
      "import a config and send it to Zoom at once, as the script does, appending each meeting created to the config's CSV",
    )
    .argument('<config>', "the script's JSON config")
    .option('--dry-run', 'list what would be imported and every call the sync would make; send nothing')
    .option('-v, --verbose', 'check each host on Zoom first, and say more about each meeting')
    .action(async (config: string, options: MeetingsImportOptions) => {
      process.exitCode = await runMeetingsCreateCommand(zoomContext(), config, options);
    });

  meetings
    .command('list')
    .description('list the meetings with where each stands with Zoom')
    .action(async () => {
      await runMeetingsListCommand(zoomContext());
    });

  program
    .command('report')
    .description(
      "download an event's registrations and each past session's attendance from Zoom and print them per session: registered, attended, checked in onsite, attendance rate",
    )
    .argument('<event>', 'a series key or name (as "cadence drafts" shows it) or a Zoom event ID')
    .option('--csv', 'print CSV, a session a line')
    .option('--offline', 'print the report kept from the last download; never touch the network')
    .action(async (event: string, options: ReportOptions) => {
      process.exitCode = await runReportCommand({ ...draftContext(), stderr: process.stderr }, event, options);
    });

  const checkin = program
    .command('checkin')
    .description(
      'onsite check-in: download registrants, record check-ins offline, upload them, see where things stand',
    );

  checkin
    .command('pull')
    .description("download an event's registrants and tickets for offline check-in; again to refresh")
    .argument('<event>', 'a series key (as "cadence drafts" shows it) or a Zoom event ID')
    .action(async (event: string) => {
      process.exitCode = await runCheckInPull(draftContext(), event);
    });

  checkin
    .command('record')
    .description(
      'record check-ins on this laptop, offline (never touches the network); a person not on the downloaded list is a walk-in and Zoom decides at upload',
    )
    .argument('<email...>', 'the email of each person to check in')
    .requiredOption('--event <event>', 'the downloaded event: a series key or a Zoom event ID')
    .option('--session <n>', 'check in to session N of the event (counted from 1) instead of the whole event')
    .option('--source <name>', "the desk's name, sent to Zoom as the check-in's source; this laptop's desk by default")
    .action(async (emails: string[], options: RecordOptions) => {
      process.exitCode = await runCheckInRecord(draftContext(), emails, options);
    });

  checkin
    .command('status')
    .description("check-ins per event and desk: checked in, waiting to upload, and Zoom's refusals in its words")
    .action(async () => {
      process.exitCode = await runCheckInStatus(draftContext());
    });

  addCheckInPushCommand(checkin, draftContext);

  program
    .command('sandbox')
    .description('run the built-in Zoom Events simulator, for trying Cadence without a Zoom account')
    .option('--port <port>', 'listen on this port instead of a free one', parsePort)
    .option('--state <file>', 'keep the simulated account in this file instead of in memory')
    .option('--account-id <id>', 'the account ID it accepts')
    .option('--client-id <id>', 'the client ID it accepts')
    .option('--client-secret <secret>', 'the client secret it accepts (a test value, not a real secret)')
    .addOption(
      new Option('--plan <plan>', 'the Zoom plan whose rate limits it enforces')
        .choices(['pro', 'business'])
        .default('pro'),
    )
    .addOption(
      new Option(
        '--ticket-types <rules>',
        "whose ticket type rules to follow where Zoom's documents disagree: the recurring-events tutorial's (events start without ticket types) or the API reference's (single-session and recurring events come with one and take no other)",
      )
        .choices(ticketTypeRulesSchema.options)
        .default('tutorial'),
    )
    .option(
      '--seed',
      "start with the recurring-events tutorial's three scenarios: a weekly standup, a monthly webinar and a training with per-session registration, made as on Zoom's console",
    )
    .action(
      async (options: {
        port?: number;
        state?: string;
        accountId?: string;
        clientId?: string;
        clientSecret?: string;
        plan: 'pro' | 'business';
        ticketTypes: TicketTypeRules;
        seed?: boolean;
      }) => {
        await runSandboxCommand({
          ...options,
          isJson: program.opts<GlobalOptions>().json === true,
          stdout: process.stdout,
        });
      },
    );

  return program;
}

/** Records a bug in the data directory's log and answers where it went. */
function logUnexpected(error: unknown, dataDirFlag: string | undefined): string {
  const logger = createLogger(join(resolveDataDir(dataDirFlag), 'logs', 'cadence.log'));
  logger.error('cli failed', { argv: process.argv.slice(2), error });
  return logger.file;
}

async function main(): Promise<number> {
  const program = buildProgram(cliAppRoot());
  try {
    await program.parseAsync(process.argv);
    // A command that finished with something to report (a conflict, Zoom out of reach) set its status.
    return typeof process.exitCode === 'number' ? process.exitCode : exitCodes.done;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end through here too, with exit code 0.
      return error.exitCode === 0 ? exitCodes.done : exitCodes.invalidInput;
    }
    if (error instanceof CadenceError) {
      // The error as one JSON document on stdout for scripts; the gist on stderr for people.
      if (error.code === 'invalid_input' && error.issues.length > 0) {
        process.stdout.write(`${JSON.stringify({ error: error.toIpcError() })}\n`);
      }
      process.stderr.write(`cadence: ${error.message}\n`);
      for (const issue of error.issues) process.stderr.write(`  ${issue.path || '(input)'}: ${issue.message}\n`);
      return exitCodeFor(error);
    }
    const logFile = logUnexpected(error, program.opts<GlobalOptions>().dataDir);
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`cadence: unexpected failure: ${message}\nDetails are in ${logFile}.\n`);
    return exitCodes.unexpected;
  }
}

// Everything this process prints may carry names from files and Zoom.
escapeTerminalOutput(process.stdout);
escapeTerminalOutput(process.stderr);
process.exitCode = await main();
