import { ensureEditorBuilt } from './helpers/editor-build.js';

/** Once per run, before any worker starts: browser tests need the editor app built and current. */
export default function setup(): void {
  ensureEditorBuilt();
}
