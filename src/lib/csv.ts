/**
 * A small RFC 4180 reader and writer: quoted fields with commas, quotes
 * ("") and line breaks inside, CRLF or LF line ends. No CSV library is in
 * the dependency tree, and this is all the subscriber import/export needs.
 */

export interface CsvRecord {
  /** 1-based line of the file where the record starts (a quoted field may span lines). */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Parses CSV text into records. Blank lines are skipped. An unterminated
 * quote is the only fatal error (nothing after it can be read reliably); a
 * stray quote inside an unquoted field is kept as text.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let line = 1;
  let i = 0;
  const n = input.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let ended = false;
    while (!ended) {
      if (i < n && input[i] === '"') {
        // A quoted field: runs to the closing quote, "" is a quote.
        i++;
        for (;;) {
          if (i >= n) throw new CsvSyntaxError(start, 'a quoted field is never closed (a " is missing)');
          const c = input[i]!;
          if (c === '"') {
            if (input[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
        // Text between the closing quote and the separator is kept, leniently.
        while (i < n && input[i] !== ',' && input[i] !== '\n' && input[i] !== '\r') field += input[i++];
      } else {
        while (i < n && input[i] !== ',' && input[i] !== '\n' && input[i] !== '\r') field += input[i++];
      }
      fields.push(field);
      field = '';
      if (i >= n) ended = true;
      else if (input[i] === ',') i++;
      else {
        if (input[i] === '\r') i++;
        if (input[i] === '\n') i++;
        line++;
        ended = true;
      }
    }
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
  }
  return records;
}

/**
 * A cell that a spreadsheet would run as a formula (= + - @, or a tab or
 * carriage return before one) gets a leading apostrophe: exported data is
 * shown as text, never executed (OWASP "CSV injection").
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line with CRLF, as RFC 4180 writes it. */
export function csvLine(fields: readonly (string | null | undefined)[]): string {
  return `${fields.map((field) => quote(field ?? '')).join(',')}\r\n`;
}
