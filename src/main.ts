#!/usr/bin/env node
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { runGrantKind } from './cli/accounts.js';
import { runSeed } from './cli/seed.js';
import { SeedRefused } from './seed/seed.js';
import { actorKinds, type ActorKind } from './platform/http/context.js';
import { ConfigError, loadConfig, type ConfigOverrides } from './config.js';
import { version } from './container.js';
import { runMigrate } from './cli/migrate.js';
import { runServe } from './cli/serve.js';
import { ImportCatalogError, runImportCatalog } from './cli/import-catalog.js';
import { EventFileError, runImportEvents } from './cli/import-events.js';
import { runReindex } from './cli/reindex.js';
import { runTrendsWorker } from './cli/trends.js';
import { DEFAULT_STOCK } from './modules/catalog/index.js';

/**
 * The `coterie` command. Every failure ends with one line on stderr and a non-zero exit status.
 */
const program = new Command()
  .name('coterie')
  .description("Coterie: a retailer's own members' network, with visual search and a micro-trend radar.")
  .version(version)
  .addOption(new Option('--data <dir>', 'data folder (embedded database, images, indexes)').env('COTERIE_DATA'))
  .showHelpAfterError('(run coterie --help for the commands)')
  .exitOverride();

const overrides = (extra: ConfigOverrides = {}): ConfigOverrides => ({ dataDir: program.opts<{ data?: string }>().data, ...extra });

program
  .command('serve')
  .description('serve the API and the web app (migrates the database first)')
  .option('-p, --port <port>', 'port to listen on (default 8080, or PORT)')
  .action(async (options: { port?: string }) => {
    await runServe(loadConfig(process.env, overrides({ port: options.port })));
  });

program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .action(async () => {
    await runMigrate(loadConfig(process.env, overrides()));
  });

program
  .command('seed')
  .description('build the deterministic demo world in an empty data folder')
  .option('--seed <n>', 'random seed (the first `npm start` uses 42)', wholeNumber, 42)
  .addOption(new Option('--scale <scale>', 'how big a world').choices(['small', 'netset']).default('small'))
  .action(async (options: { seed: number; scale: string }) => {
    await runSeed(loadConfig(process.env, overrides()), options);
  });

const importCommand = program.command('import').description('import a product feed or an event history');
importCommand
  .command('catalog <file>')
  .description('import a Google Merchant Center feed (.csv, .tsv or .jsonl); local image paths are read beside it')
  .option('--no-images', 'do not fetch images (products get none)')
  .option('--default-stock <n>', 'stock of a new size the feed gives no quantity for', wholeNumber, DEFAULT_STOCK)
  .action(async (file: string, options: { images: boolean; defaultStock: number }) => {
    await runImportCatalog(loadConfig(process.env, overrides()), file, options);
  });
importCommand
  .command('events <file>')
  .description('import interaction events (the POST /api/v1/events objects), one JSON object per line; all or nothing if a line is invalid')
  .action(async (file: string) => {
    await runImportEvents(loadConfig(process.env, overrides()), file);
  });

program
  .command('accounts')
  .description('operator tasks on accounts')
  .command('grant')
  .description('make an account an admin, buyer, stylist … (how the first admin is made)')
  .addArgument(new Argument('<handle>', 'the account'))
  .addArgument(new Argument('<kind>', 'what it becomes').choices(actorKinds))
  .action(async (handle: string, kind: ActorKind) => {
    await runGrantKind(loadConfig(process.env, overrides()), handle, kind);
  });

program
  .command('reindex')
  .description('rebuild the image embeddings and the similarity index')
  .action(async () => {
    await runReindex(loadConfig(process.env, overrides()));
  });

program
  .command('trends')
  .description('run a trend-detector worker without the HTTP server (one per partition at scale)')
  .option('--partition <i/n>', 'the partition of trend keys this worker owns, e.g. 0/2 (default COTERIE_TRENDS_PARTITION or 0/1)')
  .action(async (options: { partition?: string }) => {
    const env = options.partition === undefined ? process.env : { ...process.env, COTERIE_TRENDS_PARTITION: options.partition };
    await runTrendsWorker(loadConfig(env, overrides()));
  });

class CliFailure extends Error {}

function wholeNumber(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError('expected a whole number of 0 or more');
  return Number(value);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end here with status 0; usage errors have already printed their line.
    process.exit(error.exitCode);
  }
  const message =
    error instanceof ConfigError || error instanceof CliFailure || error instanceof ImportCatalogError || error instanceof SeedRefused || error instanceof EventFileError
      ? error.message
      : error instanceof Error
        ? error.message.split('\n')[0]
        : String(error);
  process.stderr.write(`coterie: ${message}\n`);
  if (process.env.COTERIE_DEBUG) console.error(error);
  process.exit(1);
}
