import { useId, useRef, useState } from 'react';
import { api, ApiError } from '../api';
import type { ImportReport } from '../newsletter-api';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/**
 * CSV import: the good rows are stored together in one transaction, each
 * broken row is listed by its line; a file that cannot be read stores nothing.
 */
export function SubscriberImport({ onImported }: { onImported(): void }) {
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const hintId = useId();

  const upload = async () => {
    const chosen = file.current?.files?.[0];
    if (!chosen) return setError('Choose a CSV file first.');
    setBusy(true);
    setError('');
    setReport(null);
    const form = new FormData();
    form.append('file', chosen);
    try {
      const r = await api<{ report: ImportReport }>('POST', '/subscribers/import', form);
      setReport(r.report);
      onImported();
    } catch (e) {
      setError(`Nothing was imported. ${e instanceof ApiError ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const problems = report ? [...report.rejected, ...report.skipped].sort((a, b) => a.line - b.line) : [];

  return (
    <form
      className="nl-import"
      aria-labelledby="import-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void upload();
      }}
    >
      <h2 id="import-heading">Import from CSV</h2>
      <label className="field">
        <span>CSV file</span>
        <input type="file" ref={file} accept=".csv,text/csv" aria-describedby={hintId} />
      </label>
      <small id={hintId}>
        A header line naming the columns: <code>email</code>, and if you have them <code>status</code>, <code>consent_at</code>,{' '}
        <code>consent_source</code>, <code>consent_text</code>, <code>confirmed_at</code>. Addresses that left are never re-added.
      </small>
      <p>
        <button type="submit" disabled={busy}>
          Import
        </button>
      </p>
      <div role="status">
        {report && (
          <p>
            Imported: {plural(report.inserted, 'new address', 'new addresses')}, {report.updated} updated, {report.unchanged} unchanged.
            {problems.length > 0 && ` ${plural(problems.length, 'row was', 'rows were')} not imported:`}
          </p>
        )}
      </div>
      {problems.length > 0 && (
        <ul className="nl-row-errors" aria-label="Rows not imported">
          {problems.map((p) => (
            <li key={`${p.line}-${p.reason}`}>
              Line {p.line}: {p.reason}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
