/**
 * The benchmark's SMTP sink, in a child process so that receiving mail does
 * not share the sender's CPU time. Prints its URL, then answers "count" on
 * standard input with the number of messages accepted so far.
 */
import { createInterface } from 'node:readline';
import { startSmtpSink } from '../test/helpers/smtp-sink.js';

const sink = await startSmtpSink();
process.stdout.write(`url ${sink.url}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'count') process.stdout.write(`count ${sink.total()}\n`);
  if (line === 'quit') break;
}
await sink.close();
process.exit(0);
