export interface Page {
  /** 1-based */
  number: number;
  size: number;
  offset: number;
}

export interface PageInfo {
  number: number;
  total: number;
  /** Number of pages, at least 1. */
  count: number;
  hasPrev: boolean;
  hasNext: boolean;
}

export function pageOf(number: number, size: number): Page {
  return { number, size, offset: (number - 1) * size };
}

export function pageInfo(page: Page, total: number): PageInfo {
  const count = Math.max(1, Math.ceil(total / page.size));
  return { number: page.number, total, count, hasPrev: page.number > 1, hasNext: page.number < count };
}
