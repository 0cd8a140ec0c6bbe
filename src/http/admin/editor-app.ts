import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { packageRoot } from '../../lib/package-root.js';

/**
 * The editor app, built by Vite into dist/admin (`npm run build`, run by
 * `npm install`). Its assets are fingerprinted and cached for a year; the
 * page itself is revalidated every time so a deploy shows at once.
 */
export async function registerEditorApp(app: FastifyInstance, root = path.join(packageRoot(), 'dist', 'admin')): Promise<void> {
  const index = path.join(root, 'index.html');
  const built = existsSync(index);
  const html = built ? readFileSync(index) : null;
  const sendIndex = (_request: FastifyRequest, reply: FastifyReply) => {
    if (!html) {
      return reply
        .code(503)
        .header('content-type', 'text/plain; charset=utf-8')
        .send('The editor app has not been built. Run `npm run build` (npm install does it), then restart.');
    }
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('x-robots-tag', 'noindex')
      .send(html);
  };
  app.get('/admin', sendIndex);
  if (built) {
    await app.register(fastifyStatic, {
      root: path.join(root, 'assets'),
      prefix: '/admin/assets/',
      decorateReply: false,
      index: false,
      immutable: true,
      maxAge: '365d',
    });
  }
}
