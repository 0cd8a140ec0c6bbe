/**
 * Carries content changes between app nodes over PostgreSQL LISTEN/NOTIFY,
 * so every node's page cache drops what another node changed. Each node
 * publishes its own changes and applies everyone else's. After a lost
 * connection a node cannot know what it missed, so it drops everything.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { ContentEvents } from '../services/events.js';

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
const MAX_PAYLOAD = 7900;

export interface ChangeBridge {
  close(): Promise<void>;
}

export interface BridgeLogger {
  warn(object: object, message: string): void;
}

export async function bridgeChangesOverPostgres(options: {
  connectionString: string;
  events: ContentEvents;
  channel?: string;
  log?: BridgeLogger;
  reconnectMs?: number;
}): Promise<ChangeBridge> {
  const channel = options.channel ?? 'masthead_changes';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`Invalid notification channel name ${JSON.stringify(channel)}`);
  const node = randomUUID();
  let client: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: options.connectionString });
    next.on('notification', (message) => {
      if (message.channel !== channel || !message.payload) return;
      try {
        const { from, keys } = JSON.parse(message.payload) as { from: string; keys: string[] };
        if (from !== node && Array.isArray(keys)) options.events.changed(keys, 'remote');
      } catch {
        options.log?.warn({ channel }, 'ignored a malformed change notification');
      }
    });
    next.on('error', (error) => {
      options.log?.warn({ err: error }, 'change bridge lost its PostgreSQL connection; reconnecting');
      void next.end().catch(() => undefined);
      if (client === next) client = null;
      scheduleReconnect();
    });
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    client = next;
  }

  function scheduleReconnect(): void {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      connect().then(
        // Changes made while we were away were not heard: forget every page.
        () => options.events.changed(['*'], 'remote'),
        () => scheduleReconnect(),
      );
    }, options.reconnectMs ?? 1000);
  }

  const unsubscribe = options.events.onChange((keys, origin) => {
    if (origin !== 'local' || !client) return;
    let payload = JSON.stringify({ from: node, keys });
    if (Buffer.byteLength(payload) > MAX_PAYLOAD) payload = JSON.stringify({ from: node, keys: ['*'] });
    client.query('select pg_notify($1, $2)', [channel, payload]).catch((error: unknown) => {
      options.log?.warn({ err: error }, 'could not announce a change to other nodes');
    });
  });

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      unsubscribe();
      await client?.end();
      client = null;
    },
  };
}
