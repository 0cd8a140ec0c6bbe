/**
 * Where a webhook may point: http or https, and a host that resolves only to
 * public addresses. Checked when a hook is registered and again before every
 * delivery, since a name can be pointed elsewhere later (DNS rebinding).
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { MastheadError } from '../../errors.js';
import { isPublicAddress } from '../../lib/network-address.js';

/** Built in main.ts from the config (MASTHEAD_WEBHOOKS_ALLOW_PRIVATE) and passed down; a test builds its own. */
export interface TargetPolicy {
  /** For a receiver on the same machine or network, on purpose. */
  allowPrivate: boolean;
}

/** The default: public addresses only. */
export const PUBLIC_TARGETS_ONLY: TargetPolicy = Object.freeze({ allowPrivate: false });

/** Parses the URL, resolves its host, and throws WEBHOOK_TARGET_REFUSED unless every address may be reached. */
export async function checkWebhookTarget(raw: string, policy: TargetPolicy): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new MastheadError('WEBHOOK_TARGET_REFUSED', { reason: 'it is not a URL' }, 'url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new MastheadError('WEBHOOK_TARGET_REFUSED', { reason: 'only http and https URLs can receive webhooks' }, 'url');
  if (url.username || url.password)
    throw new MastheadError('WEBHOOK_TARGET_REFUSED', { reason: 'put credentials in the receiver, not the URL' }, 'url');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      throw new MastheadError('WEBHOOK_TARGET_REFUSED', { reason: `the host ${host} could not be resolved` }, 'url');
    }
  }
  if (policy.allowPrivate) return url;
  const blocked = addresses.find((a) => !isPublicAddress(a));
  if (blocked !== undefined || addresses.length === 0)
    throw new MastheadError(
      'WEBHOOK_TARGET_REFUSED',
      { reason: `${host} resolves to ${blocked ?? 'nothing'}, a loopback, private, link-local or reserved address` },
      'url',
    );
  return url;
}
