import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the production build beside the API (`npm run serve:prod`): hashed assets cached for a
 * year, everything else revalidated, and unknown paths without an extension answered with
 * index.html so the app's router can take them.
 */
export function serveStaticApp(
  app: FastifyInstance,
  directory: string,
  reservedPrefixes: readonly string[],
): void {
  const root = resolve(directory);
  if (!existsSync(join(root, 'index.html')))
    throw new Error(`No production build at ${root}: run "npm run build" first.`);
  app.get('/*', async (request, reply) => {
    const path = decodeURIComponent(new URL(request.url, 'http://local').pathname);
    if (reservedPrefixes.some((p) => path === p || path.startsWith(`${p}/`))) {
      return reply.code(404).send({ error: 'not found' });
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return reply.code(403).send();
    if (!existsSync(file) || !statSync(file).isFile()) {
      if (extname(path)) return reply.code(404).type('text/plain').send('Not found');
      file = join(root, 'index.html');
    }
    const hashed = /-[A-Z0-9]{8}\.(js|css)$/.test(file);
    return reply
      .header('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream')
      .header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
      .header('X-Content-Type-Options', 'nosniff')
      .send(createReadStream(file));
  });
}
