/** `masthead newsletter compose` and `masthead newsletter send --latest`. */
import type { Command } from 'commander';
import { loadConfig } from '../config/config.js';
import { openRuntime } from '../main.js';
import { configuredMailer } from '../services/mail/configured-mailer.js';
import { getMailSettings } from '../services/settings/mail-settings.js';
import { consoleMailer } from '../services/mail/mailer.js';
import { composeRoundUp } from '../services/newsletter/compose.js';
import { sendIssue } from '../services/newsletter/send-issue.js';
import { newestUnsentIssue } from '../storage/repositories/newsletter.js';
import type { DeliveryCounts } from '../storage/repositories/newsletter.js';

type Run = (action: () => Promise<void>) => Promise<void>;

/** A bar on a terminal, a line per tenth otherwise (logs and CI). */
function progressPrinter(tty: boolean): { update(c: DeliveryCounts): void; end(): void } {
  let lastTenth = -1;
  return {
    update(c) {
      const done = c.total - c.pending;
      const share = c.total === 0 ? 1 : done / c.total;
      if (tty) {
        const width = 30;
        const filled = Math.round(share * width);
        process.stdout.write(
          `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${c.total} (${c.sent} sent, ${c.bounced} bounced, ${c.pending} pending)`,
        );
      } else if (Math.floor(share * 10) !== lastTenth) {
        lastTenth = Math.floor(share * 10);
        console.log(`${done} of ${c.total} done: ${c.sent} sent, ${c.bounced} bounced, ${c.failed} failed, ${c.pending} pending`);
      }
    },
    end() {
      if (tty) process.stdout.write('\n');
    },
  };
}

export function registerNewsletterCommands(program: Command, run: Run): void {
  const newsletter = program.command('newsletter').description('The weekly round-up.');

  newsletter
    .command('compose')
    .description('Assemble the round-up draft from what was published since the last issue (or in the last seven days).')
    .action(() =>
      run(async () => {
        const config = loadConfig();
        const runtime = await openRuntime(config);
        try {
          const issue = await composeRoundUp({ ...runtime.deps, config });
          const count = (kind: string) => issue.items.filter((i) => i.kind === kind).length;
          console.log(
            `Composed the draft "${issue.subject}" (${issue.slug}): ${count('article')} articles, ${count('brief')} briefs and ${count('correction')} corrections ` +
              `published from ${issue.windowStart} to ${issue.windowEnd}. Edit it in the admin, then send it with: masthead newsletter send --latest`,
          );
        } finally {
          await runtime.close();
        }
      }),
    );

  newsletter
    .command('send')
    .description('Send the newest issue not yet sent to every confirmed subscriber (safe to run again: nobody gets it twice).')
    .requiredOption('--latest', 'send the newest unsent issue')
    .action(() =>
      run(async () => {
        const config = loadConfig();
        const runtime = await openRuntime(config);
        const mailer = configuredMailer(
          runtime.deps,
          { smtpUrl: config.smtpUrl, mailFrom: config.mailFromSet ? config.mailFrom : undefined },
          { defaultFrom: config.mailFrom, development: consoleMailer() },
        );
        try {
          const issue = await newestUnsentIssue(runtime.deps.db);
          if (!issue) {
            console.log('Nothing to send: every issue has gone out. Compose one first with: masthead newsletter compose');
            return;
          }
          if (!config.smtpUrl && !(await getMailSettings(runtime.deps)).smtpUrl)
            console.log(
              'No SMTP server is set (MASTHEAD_SMTP_URL, or Settings → Mail in the admin): the mail is printed here instead of sent.',
            );
          const progress = progressPrinter(process.stdout.isTTY === true);
          const outcome = await sendIssue(
            { ...runtime.deps, mailer, config },
            { issueId: issue.id, onProgress: (c) => progress.update(c) },
          );
          progress.end();
          const c = outcome.counts;
          console.log(
            outcome.done
              ? `Sent "${issue.subject}" to ${c.sent} subscribers; ${c.bounced} addresses bounced, ${c.failed} failed and ${c.skipped} left before it went out.`
              : `Sent "${issue.subject}" to ${c.sent} subscribers so far; ${c.pending} wait for a retry (next at ${outcome.nextAttemptAt ?? 'once due'}): run this again then, or leave it to the server's job runner.`,
          );
        } finally {
          await mailer.close();
          await runtime.close();
        }
      }),
    );
}
