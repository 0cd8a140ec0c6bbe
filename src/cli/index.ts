#!/usr/bin/env node
/** The `masthead` command: parses arguments, calls the same operations as the site. */
import { Command, Option } from 'commander';
import { ROLES, ROLE_NAMES } from '../domain/newsroom/roles.js';
import type { Role } from '../domain/newsroom/roles.js';
import { createUser } from '../services/auth/accounts.js';
import { registerNewsletterCommands } from './newsletter.js';
import { readPassword } from './read-password.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { MastheadError } from '../errors.js';
import { openRuntime, startServer } from '../main.js';
import { backfillSearchIndex } from '../storage/search/search-index.js';
import { demoPublication } from '../services/demo/demo-content.js';
import { seedDemo } from '../services/demo/seed-demo.js';
import { migrateToLatest } from '../storage/migrate.js';

/** Operator mistakes become one sentence and exit code 2; anything else exit code 1. */
async function run(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof MastheadError) {
      console.error(`masthead: ${error.message}`);
      process.exit(2);
    }
    console.error(`masthead: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

const program = new Command()
  .name('masthead')
  .description('Masthead: a publishing platform for independent newsrooms.')
  .showHelpAfterError('(run masthead --help for usage)');

program
  .command('start')
  .description('Start the publication: migrate the database, seed the demo on first run (unless MASTHEAD_DEMO=0), and serve.')
  .action(() =>
    run(async () => {
      const config = loadConfig();
      const server = await startServer(config);
      console.log(`Masthead is running at ${config.publicUrl} (listening on ${config.host}:${config.port})`);
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => {
          server.app.log.info(`${signal} received: finishing requests and closing`);
          server.stop().then(
            () => process.exit(0),
            (error: unknown) => {
              console.error(error);
              process.exit(1);
            },
          );
        });
      }
    }),
  );

program
  .command('migrate')
  .description('Bring the database schema up to date, then exit.')
  .action(() =>
    run(async () => {
      const runtime = await openRuntime(loadConfig(), { migrate: false });
      const applied = await migrateToLatest(runtime.deps.db);
      console.log(applied.length > 0 ? `Applied ${applied.length} migration(s).` : 'The database schema is up to date.');
      // Done here, a new release's servers find the search index current instead of rebuilding it while they serve.
      const indexed = await backfillSearchIndex(runtime.deps.db);
      await runtime.close();
      console.log(indexed > 0 ? `Indexed ${indexed} piece(s) for search.` : 'The search index is up to date.');
    }),
  );

program
  .command('demo')
  .description('Seed the demo publication, The Meridian Review, into an empty database.')
  .action(() =>
    run(async () => {
      const runtime = await openRuntime(loadConfig());
      try {
        const result = await seedDemo(runtime.deps, demoPublication);
        console.log(
          result.seeded
            ? `Seeded the demo publication: ${result.articles} articles and ${result.briefs} briefs.`
            : `Nothing to do: ${result.reason}.`,
        );
      } finally {
        await runtime.close();
      }
    }),
  );

const user = program.command('user').description('Manage staff accounts.');
user
  .command('create')
  .description('Create a staff account. The password is asked for at a terminal, or read from standard input.')
  .requiredOption('--email <address>', 'the account’s email address')
  .option('--name <name>', 'the name shown in the newsroom')
  .addOption(new Option('--role <role>', 'what the account may do').choices([...ROLES]).default('contributor'))
  .action((options: { email: string; name?: string; role: Role }) =>
    run(async () => {
      const password = await readPassword();
      const runtime = await openRuntime(loadConfig());
      try {
        const created = await createUser(runtime.deps, {
          actor: null,
          email: options.email,
          name: options.name ?? '',
          role: options.role,
          password,
        });
        console.log(
          `Created ${ROLE_NAMES[created.role]} ${created.name} <${created.email}>. Sign in with POST ${runtime.config.publicUrl}/api/admin/v1/session`,
        );
      } finally {
        await runtime.close();
      }
    }),
  );

registerNewsletterCommands(program, run);

await program.parseAsync(process.argv);
