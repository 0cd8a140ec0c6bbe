import { useEffect, useState } from 'react';
import { groupItems, itemKey } from '../newsletter-api';
import type { ItemGroup, RoundUpItem } from '../newsletter-api';

type Direction = 'up' | 'down';

const detailOf = (item: RoundUpItem): string => (item.kind === 'article' ? item.dek : item.kind === 'brief' ? item.take : item.text);

function moved<T>(list: readonly T[], index: number, by: number): T[] {
  const next = [...list];
  const [entry] = next.splice(index, 1);
  next.splice(index + by, 0, entry!);
  return next;
}

/**
 * The issue's items in the blocks the mail has (a block per section, then
 * briefs, then corrections). Buttons move an item within its block, a section
 * among the sections, or drop an item; focus stays on the button pressed and
 * each change is announced, so the keyboard is enough.
 */
export function RoundUpItems({
  items,
  onChange,
  disabled,
  announce,
}: {
  items: RoundUpItem[];
  onChange(items: RoundUpItem[]): void;
  disabled: boolean;
  announce(message: string): void;
}) {
  const groups = groupItems(items);
  const sections = groups.filter((g) => g.key.startsWith('section:'));
  const [focusAfter, setFocusAfter] = useState<{ key: string; direction: Direction | 'drop' } | null>(null);

  useEffect(() => {
    if (!focusAfter) return;
    const buttons = document.querySelectorAll<HTMLButtonElement>(`[data-move-key="${CSS.escape(focusAfter.key)}"]`);
    const wanted = [...buttons].find((b) => b.dataset.direction === focusAfter.direction && !b.disabled);
    (wanted ?? [...buttons].find((b) => !b.disabled))?.focus();
    setFocusAfter(null);
  }, [focusAfter]);

  const commit = (next: ItemGroup[]) => onChange(next.flatMap((g) => g.items));

  const moveItem = (group: ItemGroup, index: number, direction: Direction) => {
    const by = direction === 'up' ? -1 : 1;
    const item = group.items[index]!;
    commit(groups.map((g) => (g.key === group.key ? { ...g, items: moved(g.items, index, by) } : g)));
    setFocusAfter({ key: itemKey(item), direction });
    announce(`“${item.headline}” moved ${direction}: ${index + by + 1} of ${group.items.length} in ${group.title}.`);
  };

  const moveSection = (group: ItemGroup, direction: Direction) => {
    const index = sections.indexOf(group);
    const by = direction === 'up' ? -1 : 1;
    const order = moved(sections, index, by);
    commit([...order, ...groups.filter((g) => !g.key.startsWith('section:'))]);
    setFocusAfter({ key: group.key, direction });
    announce(`The ${group.title} section moved ${direction}: ${index + by + 1} of ${sections.length} sections.`);
  };

  const drop = (group: ItemGroup, index: number) => {
    const item = group.items[index]!;
    onChange(items.filter((i) => itemKey(i) !== itemKey(item)));
    // Focus goes to the neighbour's Drop button, so dropping several in a row is quick.
    const neighbour = group.items[index + 1] ?? group.items[index - 1];
    if (neighbour) setFocusAfter({ key: itemKey(neighbour), direction: 'drop' });
    announce(`“${item.headline}” dropped from the issue.`);
  };

  if (groups.length === 0) return <p className="nl-empty">This issue has no items yet. Add published pieces below.</p>;

  return (
    <div className="nl-groups">
      {groups.map((group) => {
        const sectionIndex = sections.indexOf(group);
        return (
          <section key={group.key} className="nl-group" aria-label={group.title}>
            <div className="nl-group-head">
              <h3>{group.title}</h3>
              {sectionIndex >= 0 && sections.length > 1 && (
                <span className="nl-buttons">
                  <button
                    type="button"
                    data-move-key={group.key}
                    data-direction="up"
                    disabled={disabled || sectionIndex === 0}
                    aria-label={`Move the ${group.title} section up`}
                    title={`Move the ${group.title} section up`}
                    onClick={() => moveSection(group, 'up')}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    data-move-key={group.key}
                    data-direction="down"
                    disabled={disabled || sectionIndex === sections.length - 1}
                    aria-label={`Move the ${group.title} section down`}
                    title={`Move the ${group.title} section down`}
                    onClick={() => moveSection(group, 'down')}
                  >
                    ↓
                  </button>
                </span>
              )}
            </div>
            <ol className="nl-items">
              {group.items.map((item, index) => (
                <li key={itemKey(item)} className="nl-item">
                  <div className="nl-item-text">
                    <a href={item.url} target="_blank" rel="noopener noreferrer">
                      {item.headline}
                    </a>
                    {detailOf(item) && <p>{detailOf(item)}</p>}
                  </div>
                  <span className="nl-buttons">
                    <button
                      type="button"
                      data-move-key={itemKey(item)}
                      data-direction="up"
                      disabled={disabled || index === 0}
                      aria-label={`Move “${item.headline}” up`}
                      title="Move up"
                      onClick={() => moveItem(group, index, 'up')}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      data-move-key={itemKey(item)}
                      data-direction="down"
                      disabled={disabled || index === group.items.length - 1}
                      aria-label={`Move “${item.headline}” down`}
                      title="Move down"
                      onClick={() => moveItem(group, index, 'down')}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      data-move-key={itemKey(item)}
                      data-direction="drop"
                      disabled={disabled}
                      aria-label={`Drop “${item.headline}”`}
                      onClick={() => drop(group, index)}
                    >
                      Drop
                    </button>
                  </span>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
