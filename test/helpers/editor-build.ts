import { execFileSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Builds the editor app when its sources are newer than the build (a fresh clone has it from npm install). */
export function ensureEditorBuilt(): void {
  const root = path.resolve('src/admin-ui');
  const index = path.resolve('dist/admin/index.html');
  const newest = (dir: string): number =>
    Math.max(
      ...readdirSync(dir, { withFileTypes: true }).map((e) =>
        e.isDirectory() ? newest(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs,
      ),
    );
  if (existsSync(index) && statSync(index).mtimeMs >= newest(root)) return;
  execFileSync(
    process.execPath,
    [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--config', path.join(root, 'vite.config.ts'), '--logLevel', 'warn'],
    { stdio: 'inherit' },
  );
}
