/**
 * Subscribing to the round-up with double opt-in, confirming, leaving, and
 * the preferences a reader reaches by a signed link. Every answer to a
 * signup is the same whether or not the address is known, so nobody can
 * learn who subscribes.
 */
import { createHash } from 'node:crypto';
import { MastheadError } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import {
  changeSubscriberEmail,
  confirmSubscriber,
  createPendingSubscriber,
  deletePendingSubscriber,
  findSubscriberByEmail,
  findSubscriberById,
  restartSubscription,
  unsubscribeSubscriber,
} from '../../storage/repositories/subscribers.js';
import type { Subscriber } from '../../storage/repositories/subscribers.js';
import { normaliseEmail } from '../auth/accounts.js';
import type { ServiceDeps } from '../deps.js';
import type { Mailer, MailMessage } from '../mail/mailer.js';
import { linkSecret, signLink, verifyLink } from './signed-links.js';
import { preferencesLink } from './unsubscribe-headers.js';

export interface SubscriptionDeps extends Pick<ServiceDeps, 'db' | 'clock'> {
  mailer: Mailer;
  /** Without a trailing slash. */
  publicUrl: string;
  publicationTitle: string;
}

export interface SignupInput {
  email: string;
  /** The page the form was on. */
  sourcePath: string;
  /** The wording shown next to the form. */
  consentText: string;
  /** A field humans never see; bots fill it. */
  honeypot?: string;
}

/**
 * The address as stored, or VALIDATION_FAILED with a sentence for the reader.
 * Line breaks and control characters are refused outright: they are how
 * header injection is tried, and no real address has them.
 */
export function signupAddress(raw: string): string {
  if (/[\r\n]/.test(raw)) throw new MastheadError('VALIDATION_FAILED', { detail: 'an email address cannot contain line breaks' }, 'email');
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(raw))
    throw new MastheadError('VALIDATION_FAILED', { detail: 'an email address cannot contain control characters' }, 'email');
  if (raw.trim().length > 254)
    throw new MastheadError('VALIDATION_FAILED', { detail: 'an email address has at most 254 characters' }, 'email');
  if (raw.trim() === '') throw new MastheadError('VALIDATION_FAILED', { detail: 'enter your email address' }, 'email');
  return normaliseEmail(raw);
}

/** A page path on this site, or `/newsletter` when the form sent anything else. */
function sourceOf(path: string): string {
  const clean = path.split(/[?#]/)[0] ?? '';
  // eslint-disable-next-line no-control-regex -- see above
  return /^\/(?!\/)[^\u0000-\u001f\u007f\s]{0,300}$/.test(clean) ? clean : '/newsletter';
}

/**
 * Confirm links name the address as well as the subscriber, so a link sent
 * to one address cannot confirm another one the subscriber changed to.
 */
function confirmSubject(subscriber: Pick<Subscriber, 'id' | 'email'>): string {
  return `${subscriber.id}~${createHash('sha256').update(subscriber.email).digest('base64url').slice(0, 16)}`;
}

async function send(deps: SubscriptionDeps, message: MailMessage): Promise<void> {
  try {
    await deps.mailer.send(message);
  } catch {
    throw new MastheadError('MAIL_FAILED');
  }
}

async function sendConfirmation(deps: SubscriptionDeps, subscriber: Pick<Subscriber, 'id' | 'email'>, now: Date): Promise<void> {
  const token = signLink(await linkSecret(deps.db), 'confirm', confirmSubject(subscriber), now);
  const link = `${deps.publicUrl}/newsletter/confirm?token=${encodeURIComponent(token)}`;
  await send(deps, {
    to: subscriber.email,
    subject: `Confirm your subscription to ${deps.publicationTitle}`,
    text: `Someone, we hope you, asked to receive the weekly round-up of ${deps.publicationTitle} at this address.\n\nTo confirm, open this link within seven days:\n${link}\n\nIf it was not you, ignore this message: you will not hear from us again.`,
  });
}

/**
 * Records the signup and mails a confirmation link. A filled honeypot is
 * accepted and dropped; an address already confirmed gets no second
 * subscription, only a note that it is subscribed. The caller answers the
 * same in every case.
 */
export async function subscribe(deps: SubscriptionDeps, input: SignupInput): Promise<void> {
  if (input.honeypot && input.honeypot.trim() !== '') return;
  const email = signupAddress(input.email);
  const now = deps.clock();
  const consent = { at: now.toISOString(), source: sourceOf(input.sourcePath), text: input.consentText.slice(0, 2000) };
  const known = await findSubscriberByEmail(deps.db, email);
  const { subscriber, created } = known
    ? { subscriber: known, created: false }
    : await createPendingSubscriber(deps.db, { id: newId(), email, consent, now: now.toISOString() });
  if (created) {
    try {
      return await sendConfirmation(deps, subscriber, now);
    } catch (error) {
      // No mail, no row: the reader is told to try again, and nothing waits half-done.
      await deletePendingSubscriber(deps.db, subscriber.id);
      throw error;
    }
  }
  if (subscriber.status === 'confirmed') {
    const link = preferencesLink({ secret: await linkSecret(deps.db), publicUrl: deps.publicUrl }, subscriber.id, now);
    return send(deps, {
      to: email,
      subject: `You are already subscribed to ${deps.publicationTitle}`,
      text: `Someone asked to subscribe this address to the weekly round-up of ${deps.publicationTitle}. It already receives it, so nothing has changed.\n\nTo change your address or unsubscribe, use this link:\n${link}`,
    });
  }
  // Pending, unsubscribed or bounced: asking again starts over, with the new consent.
  await restartSubscription(deps.db, subscriber.id, consent, now.toISOString());
  return sendConfirmation(deps, subscriber, now);
}

/** A confirm link's subscriber: confirmed now, or as they were when the link is stale (e.g. they left since). */
export async function confirm(deps: Pick<ServiceDeps, 'db' | 'clock'>, token: string): Promise<Subscriber> {
  const now = deps.clock();
  const subject = verifyLink(await linkSecret(deps.db), 'confirm', token, now);
  const [id, fingerprint] = subject?.split('~') ?? [];
  const subscriber = id ? await findSubscriberById(deps.db, id) : null;
  if (!subscriber || confirmSubject(subscriber) !== `${id}~${fingerprint}`) throw new MastheadError('TOKEN_INVALID');
  return (await confirmSubscriber(deps.db, subscriber.id, now.toISOString())) ?? subscriber;
}

/** The subscriber an unsubscribe or preferences link names, without changing anything. */
export async function subscriberOfLink(
  deps: Pick<ServiceDeps, 'db' | 'clock'>,
  token: string,
  purposes: readonly ('unsubscribe' | 'preferences')[] = ['unsubscribe', 'preferences'],
): Promise<Subscriber> {
  const secret = await linkSecret(deps.db);
  const now = deps.clock();
  for (const purpose of purposes) {
    const id = verifyLink(secret, purpose, token, now);
    const subscriber = id ? await findSubscriberById(deps.db, id) : null;
    if (subscriber) return subscriber;
  }
  throw new MastheadError('TOKEN_INVALID');
}

/** Idempotent: the second click answers like the first. Preferences links may unsubscribe too. */
export async function unsubscribe(deps: Pick<ServiceDeps, 'db' | 'clock'>, token: string): Promise<Subscriber> {
  const subscriber = await subscriberOfLink(deps, token);
  return (await unsubscribeSubscriber(deps.db, subscriber.id, deps.clock().toISOString(), 'link'))?.subscriber ?? subscriber;
}

/** What the preferences page shows. */
export async function preferences(deps: Pick<ServiceDeps, 'db' | 'clock'>, token: string): Promise<Subscriber> {
  return subscriberOfLink(deps, token, ['preferences']);
}

/**
 * Moves the subscription to a new address, which must be confirmed before
 * any issue goes there. When the new address is already subscribed, it is
 * told so and nothing moves; the reader's answer is the same either way.
 */
export async function changeAddress(deps: SubscriptionDeps, token: string, newEmail: string): Promise<void> {
  const subscriber = await preferences(deps, token);
  const email = signupAddress(newEmail);
  if (email === subscriber.email) return;
  const now = deps.clock();
  if (await changeSubscriberEmail(deps.db, subscriber.id, email, now.toISOString()))
    return sendConfirmation(deps, { id: subscriber.id, email }, now);
  await send(deps, {
    to: email,
    subject: `This address is already subscribed to ${deps.publicationTitle}`,
    text: `Someone asked to move a subscription to the weekly round-up of ${deps.publicationTitle} to this address, which already has one. Nothing has changed.`,
  });
}
