/** Read-only Content API keys: shown once at creation, stored as a hash, revocable. */
import type { Actor } from '../../domain/newsroom/roles.js';
import { can } from '../../domain/newsroom/roles.js';
import { MastheadError } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { hashSecret, newSecret } from '../../lib/tokens.js';
import {
  findLiveContentApiKey,
  insertContentApiKey,
  listContentApiKeys,
  revokeContentApiKey,
} from '../../storage/repositories/distribution.js';
import type { ContentApiKey } from '../../storage/repositories/distribution.js';
import { requirePermission } from '../auth/accounts.js';
import type { ServiceDeps } from '../deps.js';

export async function createContentKey(deps: ServiceDeps, actor: Actor, name: string): Promise<ContentApiKey & { key: string }> {
  requirePermission(actor, can(actor, 'settings.manage'), 'create Content API keys');
  const key = `mh_${newSecret()}`;
  const row = {
    id: newId(),
    name,
    hash: hashSecret(key),
    prefix: key.slice(0, 9),
    createdBy: actor.id,
    createdAt: deps.clock().toISOString(),
  };
  await insertContentApiKey(deps.db, row);
  return { id: row.id, name, prefix: row.prefix, createdBy: actor.id, createdAt: row.createdAt, revokedAt: null, key };
}

export async function contentKeys(deps: ServiceDeps, actor: Actor): Promise<ContentApiKey[]> {
  requirePermission(actor, can(actor, 'settings.manage'), 'list Content API keys');
  return listContentApiKeys(deps.db);
}

export async function revokeContentKey(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, can(actor, 'settings.manage'), 'revoke Content API keys');
  if (!(await revokeContentApiKey(deps.db, id, deps.clock().toISOString()))) throw new MastheadError('NOT_FOUND');
}

/** The key's hash when the key is live; throws 401 otherwise. */
export async function authenticateContentKey(deps: Pick<ServiceDeps, 'db'>, key: string | undefined): Promise<string> {
  if (!key) throw new MastheadError('API_KEY_MISSING');
  const hash = hashSecret(key);
  if (!(await findLiveContentApiKey(deps.db, hash))) throw new MastheadError('API_KEY_INVALID');
  return hash;
}
