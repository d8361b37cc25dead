import { describe, expect, it } from 'vitest';
import { columnNames, detectDelimiter, detectEncoding, detectHeader, findDuplicateNames, looksBinary, splitLine } from './sniff.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 * i + (endian === 'le' ? 0 : 1)] = c & 0xff;
    out[2 * i + (endian === 'le' ? 1 : 0)] = c >> 8;
  }
  return out;
}

describe('detectEncoding', () => {
  it('reads byte-order marks', () => {
    expect(detectEncoding(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ encoding: 'utf-8', bomBytes: 3 });
    expect(detectEncoding(bytes(0xff, 0xfe, 0x61, 0))).toEqual({ encoding: 'utf-16le', bomBytes: 2 });
    expect(detectEncoding(bytes(0xfe, 0xff, 0, 0x61))).toEqual({ encoding: 'utf-16be', bomBytes: 2 });
  });

  it('takes valid UTF-8 (and plain ASCII) as UTF-8', () => {
    expect(detectEncoding(new TextEncoder().encode('name,city\nZoë,Zürich\n'))).toEqual({ encoding: 'utf-8', bomBytes: 0 });
    expect(detectEncoding(new TextEncoder().encode('a,b\n1,2\n'))).toEqual({ encoding: 'utf-8', bomBytes: 0 });
    expect(detectEncoding(new Uint8Array(0))).toEqual({ encoding: 'utf-8', bomBytes: 0 });
  });

  it('accepts a multi-byte character cut off by the end of the head', () => {
    const full = new TextEncoder().encode('price\n€5\n'); // € is E2 82 AC
    expect(detectEncoding(full.subarray(0, 7)).encoding).toBe('utf-8');
  });

  it('takes bytes that are not UTF-8 as windows-1252', () => {
    // "Zoë" as Latin-1: EB alone is not UTF-8.
    expect(detectEncoding(bytes(0x5a, 0x6f, 0xeb, 0x2c, 0x31, 0x0a)).encoding).toBe('windows-1252');
    // £ as windows-1252 (A3) before digits.
    expect(detectEncoding(bytes(0xa3, 0x35, 0x0a)).encoding).toBe('windows-1252');
    // Overlong encoding of "/" and a UTF-16 surrogate encoded in UTF-8 are not valid UTF-8.
    expect(detectEncoding(bytes(0xc0, 0xaf)).encoding).toBe('windows-1252');
    expect(detectEncoding(bytes(0xed, 0xa0, 0x80)).encoding).toBe('windows-1252');
  });

  it('detects UTF-16 without a BOM from the NUL bytes', () => {
    expect(detectEncoding(utf16('customer_id,ts\n1,2024-03-01\n', 'le'))).toEqual({ encoding: 'utf-16le', bomBytes: 0 });
    expect(detectEncoding(utf16('customer_id,ts\n1,2024-03-01\n', 'be'))).toEqual({ encoding: 'utf-16be', bomBytes: 0 });
  });
});

describe('looksBinary', () => {
  it('is true for NULs or many control characters', () => {
    expect(looksBinary('PK\u0003\u0004\u0000\u0000')).toBe(true);
    expect(looksBinary('\u0001\u0002\u0003abc\u0004\u0005')).toBe(true);
    expect(looksBinary('abc\ufffd\ufffd\ufffd')).toBe(true);
  });
  it('is false for text with tabs and line breaks', () => {
    expect(looksBinary('a\tb\r\n1\t2\n')).toBe(false);
    expect(looksBinary('')).toBe(false);
    expect(looksBinary('x'.repeat(100) + '\u0007')).toBe(false);
  });
});

describe('splitLine', () => {
  it('respects double quotes and doubled quotes', () => {
    expect(splitLine('a,"b,c",d', ',')).toEqual(['a', 'b,c', 'd']);
    expect(splitLine('"say ""hi""",2', ',')).toEqual(['say "hi"', '2']);
    expect(splitLine('"unterminated,1', ',')).toEqual(['unterminated,1']);
  });
  it('keeps empty cells and drops a trailing CR', () => {
    expect(splitLine('a,,b,\r', ',')).toEqual(['a', '', 'b', '']);
    expect(splitLine(',', ',')).toEqual(['', '']);
    expect(splitLine('', ',')).toEqual(['']);
  });
  it('splits the other delimiters', () => {
    expect(splitLine('a;b;"c;d"', ';')).toEqual(['a', 'b', 'c;d']);
    expect(splitLine('a\tb\t', '\t')).toEqual(['a', 'b', '']);
    expect(splitLine('a|b', '|')).toEqual(['a', 'b']);
  });
  it('splits whitespace-aligned columns on runs of spaces', () => {
    expect(splitLine(' 00001 19970101  1   11.77', 'whitespace')).toEqual(['00001', '19970101', '1', '11.77']);
    expect(splitLine('  12   John     3.50  ', 'whitespace')).toEqual(['12', 'John', '3.50']);
    expect(splitLine('"New York" 12  ', 'whitespace')).toEqual(['New York', '12']);
    expect(splitLine('   ', 'whitespace')).toEqual([]);
  });
});

describe('detectDelimiter', () => {
  it('finds commas, semicolons, tabs and pipes', () => {
    expect(detectDelimiter(['a,b,c', '1,2,3', '4,5,6'])).toBe(',');
    expect(detectDelimiter(['a;b;c', '1,5;2,3;x', '4;5;6'])).toBe(';');
    expect(detectDelimiter(['a\tb', '1\t2'])).toBe('\t');
    expect(detectDelimiter(['a|b|c', '1|2|3'])).toBe('|');
  });

  it('is not fooled by delimiters inside quotes', () => {
    const lines = ['id;name;note', '1;"Smith, John";"a, b, c"', '2;"Doe, Jane";"x"'];
    expect(detectDelimiter(lines)).toBe(';');
  });

  it('prefers a consistent delimiter over an inconsistent one', () => {
    // Decimal commas vary per line; the semicolon count does not.
    const lines = ['name;amount;qty', 'a;1,5;2', 'b;12;3', 'c;7,25;1,5'];
    expect(detectDelimiter(lines)).toBe(';');
  });

  it('chooses whitespace for aligned columns without a real delimiter (CDNOW)', () => {
    const lines = [' 00001 19970101  1   11.77', ' 00002 19970112  1   12.00', ' 00002 19970112  5   77.00', ''];
    expect(detectDelimiter(lines)).toBe('whitespace');
    expect(detectDelimiter(['  12  John   3.50', '   7  Mary  12.00'])).toBe('whitespace');
  });

  it('never chooses whitespace when a real delimiter is consistent', () => {
    const lines = ['InvoiceNo,StockCode,Description', '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER', '536365,71053,WHITE METAL LANTERN'];
    expect(detectDelimiter(lines)).toBe(',');
    expect(detectDelimiter(['first name,last name', 'John Paul,Smith Jones'])).toBe(',');
  });

  it('falls back to a comma for one-column files', () => {
    expect(detectDelimiter(['email', 'a@example.com', 'b@example.com'])).toBe(',');
    expect(detectDelimiter([])).toBe(',');
  });
});

describe('detectHeader', () => {
  const rows = (lines: string[], d: ',' | 'whitespace' = ',') => lines.map((l) => splitLine(l, d));

  it('finds the header of typed columns (Online Retail)', () => {
    expect(
      detectHeader(
        rows([
          'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
          '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom',
        ]),
      ),
    ).toBe(true);
  });

  it('sees no header when the first row has numbers or dates (CDNOW)', () => {
    expect(detectHeader(rows([' 00001 19970101  1   11.77', ' 00002 19970112  1   12.00'], 'whitespace'))).toBe(false);
    expect(detectHeader(rows(['alice,2024-03-01', 'bob,2024-03-02']))).toBe(false);
  });

  it('finds a header over text-only columns when the names are distinct and never repeat', () => {
    expect(detectHeader(rows(['name,email,city', 'Ann Lee,ann@example.com,Leeds', 'Bo Li,bo@example.com,York']))).toBe(true);
  });

  it('sees no header in text-only rows that repeat below or are not name-like', () => {
    expect(detectHeader(rows(['page_view,home', 'click,home', 'page_view,pricing']))).toBe(false);
    expect(detectHeader(rows(['ann@example.com,Leeds', 'bo@example.com,York']))).toBe(false);
  });

  it('handles degenerate input', () => {
    expect(detectHeader([])).toBe(false);
    expect(detectHeader([['', '']])).toBe(false);
    expect(detectHeader([['customer_id', 'ts']])).toBe(true);
  });
});

describe('column names', () => {
  it('trims header names and names empty ones by position', () => {
    expect(columnNames([' InvoiceNo ', '', '\uFEFFCountry'], true)).toEqual(['InvoiceNo', 'column 2', 'Country']);
  });
  it('numbers the columns of a file without header', () => {
    expect(columnNames(['00001', '19970101', '1', '11.77'], false)).toEqual(['column 1', 'column 2', 'column 3', 'column 4']);
  });
  it('reports duplicates once each, in order', () => {
    expect(findDuplicateNames(['a', 'b', 'a', 'c', 'b', 'a'])).toEqual(['a', 'b']);
    expect(findDuplicateNames(['Email', 'email'])).toEqual([]);
  });
});
