import type { VNode } from 'preact';
import type { Teaser } from '../../../domain/content/model.js';
import { sectionPath, typePath } from '../../../domain/content/paths.js';

/** "Analysis | Europe": what kind of piece, and where it is filed. */
export function Labels({ teaser, links = true }: { teaser: Pick<Teaser, 'type' | 'section'>; links?: boolean }): VNode {
  return (
    <p class="labels">
      {links ? <a href={typePath(teaser.type.slug)}>{teaser.type.name}</a> : <span>{teaser.type.name}</span>}
      <span class="sep" aria-hidden="true">
        {' | '}
      </span>
      {links ? <a href={sectionPath(teaser.section.slug)}>{teaser.section.name}</a> : <span>{teaser.section.name}</span>}
    </p>
  );
}
