/** Previous and next page buttons around "Page n of m"; nothing when everything fits on one page. */
export function Pager({ label, page, pages, go }: { label: string; page: number; pages: number; go(page: number): void }) {
  if (pages <= 1) return null;
  return (
    <nav className="nl-pager" aria-label={label}>
      <button type="button" disabled={page <= 1} onClick={() => go(page - 1)}>
        Previous page
      </button>
      <span>
        Page {page} of {pages}
      </span>
      <button type="button" disabled={page >= pages} onClick={() => go(page + 1)}>
        Next page
      </button>
    </nav>
  );
}
