/** Rows of a child table grouped by their article, in the order given, each turned into `value`. */
export function byArticle<Row extends { article_id: string }, V>(rows: readonly Row[], value: (row: Row) => V): Map<string, V[]> {
  const out = new Map<string, V[]>();
  for (const row of rows) {
    const list = out.get(row.article_id);
    if (list) list.push(value(row));
    else out.set(row.article_id, [value(row)]);
  }
  return out;
}
