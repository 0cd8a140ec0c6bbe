import { randomUUID } from 'node:crypto';

/** Identifiers are random UUIDs: safe to create on any node, in any database. */
export function newId(): string {
  return randomUUID();
}
