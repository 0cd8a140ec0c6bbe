/** `masthead newsletter compose`, `masthead newsletter send --latest` and `masthead newsletter inbound`. */
import type { Command } from 'commander';
import { loadConfig, mailEnvironmentOf } from '../config/config.js';
import { openRuntime } from '../main.js';
import { configuredMailer } from '../services/mail/configured-mailer.js';
import { getMailSettings } from '../services/settings/mail-settings.js';
import { consoleMailer } from '../services/mail/mailer.js';
import { composeRoundUp } from '../services/newsletter/compose.js';
import { sendIssue } from '../services/newsletter/send-issue.js';
import { unsubscribeByMail } from '../services/newsletter/unsubscribe-by-mail.js';
import type { MailUnsubscribeOutcome } from '../services/newsletter/unsubscribe-by-mail.js';
import { newestUnsentIssue } from '../storage/repositories/newsletter.js';
import type { DeliveryCounts } from '../storage/repositories/newsletter.js';
import { readMessage } from './read-message.js';

type Run = (action: () => Promise<void>) => Promise<void>;

/**
 * sysexits.h EX_TEMPFAIL: Postfix, procmail and sendmail keep the message
 * queued and try again later, where any other failure bounces it to the
 * reader. Every failure of `inbound` is one the operator can fix (the
 * database is down, the configuration is wrong), so the mail waits for it.
 */
const EX_TEMPFAIL = 75;

function describeOutcome(outcome: MailUnsubscribeOutcome): string {
  switch (outcome.kind) {
    case 'unsubscribed':
      return `Unsubscribed ${outcome.email} (subscriber ${outcome.subscriberId}) by mail.`;
    case 'already-unsubscribed':
      return `Nothing to do: ${outcome.email} (subscriber ${outcome.subscriberId}) is already ${outcome.status}.`;
    case 'token-invalid':
      return 'Ignored: the unsubscribe token is not valid or has expired; nothing changed.';
    case 'not-an-unsubscribe':
      return `Ignored: not an unsubscribe request (${outcome.reason}); nothing changed.`;
  }
}

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
        const mailer = configuredMailer(runtime.deps, mailEnvironmentOf(config), {
          defaultFrom: config.mailFrom,
          development: consoleMailer(),
        });
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

  newsletter
    .command('inbound')
    .description(
      'Read one mail on standard input (the target of an MTA pipe) and act on it: "unsubscribe <token>" in the subject unsubscribes that reader. ' +
        'Exits 0 whenever the mail was handled or ignored, 75 (try again later) when the database cannot be reached.',
    )
    .action(async () => {
      if (process.stdin.isTTY) {
        console.error('masthead: pipe one mail to this command, e.g. from Postfix or procmail; see the README, "Newsletter".');
        process.exitCode = 2;
        return;
      }
      try {
        const message = await readMessage();
        const config = loadConfig();
        const runtime = await openRuntime(config);
        try {
          console.log(describeOutcome(await unsubscribeByMail(runtime.deps, message)));
        } finally {
          await runtime.close();
        }
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        console.error(`masthead: the mail could not be handled now and should be delivered again later: ${reason}`);
        process.exitCode = EX_TEMPFAIL;
      }
    });
}
