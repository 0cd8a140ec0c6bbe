/** A URL slug: lowercase ASCII words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(value: string): boolean {
  return value.length <= 120 && SLUG_PATTERN.test(value);
}

/** Makes a slug from a headline: strips accents, keeps letters and digits. */
export function slugify(text: string, maxLength = 80): string {
  const base = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (base.length <= maxLength) return base || 'untitled';
  // Cut at the last whole word that fits: a hyphen right after the cut means the word ended there.
  const head = base.slice(0, maxLength);
  const cut = base[maxLength] === '-' ? head : head.replace(/-[^-]*$/, '');
  return cut.replace(/-+$/g, '') || head || 'untitled';
}
