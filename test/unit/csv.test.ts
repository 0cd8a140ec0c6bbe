import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, csvLine, neutraliseFormula, parseCsv } from '../../src/lib/csv.js';

describe('CSV (RFC 4180)', () => {
  it('reads plain and quoted fields with commas, quotes and line breaks inside, CRLF or LF', () => {
    const text =
      'email,consent_text\r\na@example.org,"Yes, please"\r\n"b@example.org","He said ""hi"""\n"c@example.org","two\r\nlines"\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['email', 'consent_text'] },
      { line: 2, fields: ['a@example.org', 'Yes, please'] },
      { line: 3, fields: ['b@example.org', 'He said "hi"'] },
      { line: 4, fields: ['c@example.org', 'two\r\nlines'] },
    ]);
  });

  it('counts lines across quoted line breaks, skips blank lines and a BOM, keeps empty fields', () => {
    const records = parseCsv('\uFEFFa,b\n"x\ny",z\n\n,\nlast,"",end');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\ny', 'z'] },
      { line: 5, fields: ['', ''] },
      { line: 6, fields: ['last', '', 'end'] },
    ]);
  });

  it('fails on an unclosed quote, naming the line where the field starts', () => {
    expect(() => parseCsv('a,b\nc,"never closed\nmore')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\nc,"never closed\nmore')).toThrow(/line 2/);
  });

  it('writes CRLF lines, quoting only where needed, and reads back what it wrote', () => {
    const row = ['plain', 'with, comma', 'with "quote"', 'two\nlines', '', null];
    const line = csvLine(row);
    expect(line).toBe('plain,"with, comma","with ""quote""","two\nlines",,\r\n');
    expect(parseCsv(line)[0]!.fields).toEqual(['plain', 'with, comma', 'with "quote"', 'two\nlines', '', '']);
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const bad of ['=HYPERLINK("http://evil")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(neutraliseFormula(bad)).toBe(`'${bad}`);
    expect(neutraliseFormula('reader@example.org')).toBe('reader@example.org');
    expect(csvLine(['=1+1', '-x,y'])).toBe(`'=1+1,"'-x,y"\r\n`);
  });
});
