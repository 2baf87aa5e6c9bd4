#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, loadConfig, type ConfigOverrides } from './config.js';
import { version } from './container.js';
import { runMigrate } from './cli/migrate.js';
import { runServe } from './cli/serve.js';

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
  .description('build the deterministic demo world')
  .option('--seed <n>', 'random seed', '1')
  .addOption(new Option('--scale <scale>', 'how big a world').choices(['small', 'netset']).default('small'))
  .action(() => notAvailableYet('seed'));

const importCommand = program.command('import').description('import a product feed or an event history');
importCommand
  .command('catalog <file>')
  .description('import a Google Merchant Center feed (.csv, .tsv or .jsonl)')
  .action(() => notAvailableYet('import catalog'));
importCommand
  .command('events <file>')
  .description('import interaction events, one JSON object per line')
  .action(() => notAvailableYet('import events'));

program
  .command('reindex')
  .description('rebuild the image embeddings and the similarity index')
  .action(() => notAvailableYet('reindex'));

class CliFailure extends Error {}

function notAvailableYet(command: string): never {
  throw new CliFailure(`"${command}" is not available yet in this version of Coterie`);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end here with status 0; usage errors have already printed their line.
    process.exit(error.exitCode);
  }
  const message =
    error instanceof ConfigError || error instanceof CliFailure
      ? error.message
      : error instanceof Error
        ? error.message.split('\n')[0]
        : String(error);
  process.stderr.write(`coterie: ${message}\n`);
  if (process.env.COTERIE_DEBUG) console.error(error);
  process.exit(1);
}
