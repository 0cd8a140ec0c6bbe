/**
 * Sending mail. One interface, two ways: SMTP through nodemailer (any
 * provider) when MASTHEAD_SMTP_URL is set, or, in development, printing the
 * message to the terminal so sign-in links can be followed without a server.
 */
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
    async close() {
      transport.close();
    },
  };
}

/** Development only: the message goes to standard output, never to the structured log. */
export function consoleMailer(write: (text: string) => void = (text) => process.stdout.write(text)): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
      write(`\n--- mail to ${message.to}: ${message.subject}\n${message.text}\n---\n`);
    },
    async close() {},
  };
}
