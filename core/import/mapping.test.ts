import { closeSync, openSync, readSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedDataFile } from '../../test/support/shared-data.ts';
import { createTimestampParser } from './dates.ts';
import { inferMapping, isHeaderless, nameKey } from './mapping.ts';
import { normaliseId, parseNumber } from './numbers.ts';
import { columnNames, detectDelimiter, detectEncoding, detectHeader, splitLine } from './sniff.ts';

/** Sniffs lines the way an import preview does, then infers the mapping. */
function preview(lines: string[]) {
  const delimiter = detectDelimiter(lines);
  const rows = lines.filter((l) => l.trim() !== '').map((l) => splitLine(l, delimiter));
  const hasHeader = detectHeader(rows);
  const columns = columnNames(rows[0]!, hasHeader);
  const sample = hasHeader ? rows.slice(1) : rows;
  return { delimiter, hasHeader, columns, sample, ...inferMapping(columns, sample) };
}

describe('nameKey and isHeaderless', () => {
  it('ignores case, spaces and punctuation', () => {
    expect(['Customer ID', 'customer_id', 'CustomerID', 'customer-id', ' CUSTOMER.ID '].map(nameKey)).toEqual(Array(5).fill('customerid'));
  });
  it('recognises generated names', () => {
    expect(isHeaderless(['column 1', 'column 2'])).toBe(true);
    expect(isHeaderless(['column 1', 'ts'])).toBe(false);
    expect(isHeaderless([])).toBe(false);
  });
});

describe('inferMapping: orders', () => {
  it('maps the Online Retail header and computes amounts', () => {
    const r = preview([
      'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
      '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom',
      '536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom',
      'C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,14527.0,United Kingdom',
      '536414,22139,,56,2010-12-01 11:52:00,0.0,,United Kingdom',
    ]);
    expect(r.kind).toBe('orders');
    expect(r.mapping.fields).toEqual({
      customer_id: 'CustomerID',
      order_id: 'InvoiceNo',
      ts: 'InvoiceDate',
      product: 'StockCode', // the code; Description stays in props
      quantity: 'Quantity',
      unit_price: 'UnitPrice',
      country: 'Country', // a customer field, carried on every order line
    });
    expect(r.mapping.dateFormat).toBe('iso');
    expect(r.mapping.timezone).toBe('UTC');
    expect(r.mapping.personal).toEqual({ email: 'keep', phone: 'keep', name: 'keep' });
    expect(r.mapping.ignore).toEqual([]);
    expect(r.dates.map((d) => [d.column, d.format])).toEqual([['InvoiceDate', 'iso']]);
    expect(r.warnings).toEqual(['No amount column: amount will be computed as quantity ("Quantity") × unit price ("UnitPrice").']);
  });

  it('maps a Shopify orders export: order name, email as customer, line-level amounts', () => {
    const header =
      'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,' +
      'Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,' +
      'Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing City,Billing Country,' +
      'Billing Phone,Refunded Amount,Vendor,Id,Tags,Source,Lineitem discount,Phone';
    const r = preview([
      header,
      '#1001,ann@example.com,paid,2024-03-01 10:16:02 +0000,fulfilled,2024-03-02 09:00:00 +0000,yes,GBP,45.00,4.95,7.50,49.95,SPRING10,5.00,Standard,' +
        '2024-03-01 10:15:42 +0000,2,Blue Mug,12.50,,MUG-BLU,true,true,fulfilled,Ann Lee,Leeds,GB,+44 7700 900123,0.00,Acme,5012345678901,,web,0.00,',
      '#1001,ann@example.com,,,,,,,,,,,,,,2024-03-01 10:15:42 +0000,1,Teapot,20.00,,TEA-1,true,true,fulfilled,,,,,,Acme,,,,0.00,',
      '#1002,bo@example.com,pending,,unfulfilled,,no,GBP,9.00,0.00,1.80,9.00,,0.00,Standard,' +
        '2024-03-03 18:01:00 +0000,1,Red Mug,9.00,,MUG-RED,true,true,pending,Bo Li,York,GB,,0.00,Acme,5012345678902,,pos,0.00,',
    ]);
    expect(r.hasHeader).toBe(true);
    expect(r.kind).toBe('orders');
    expect(r.mapping.fields).toEqual({
      customer_id: 'Email',
      order_id: 'Name',
      ts: 'Created at',
      product: 'Lineitem sku',
      quantity: 'Lineitem quantity',
      unit_price: 'Lineitem price',
      discount: 'Lineitem discount',
      channel: 'Source',
      email: 'Email',
      phone: 'Phone',
      country: 'Billing Country',
      city: 'Billing City',
    });
    expect(r.mapping.dateFormat).toBe('iso');
    expect(r.warnings).toEqual([
      'No customer id column: "Email" (email) is used as the customer id.',
      '"Total" is filled only on some lines of an order (an order total), so it is not used as the line amount: amount = quantity × unit price.',
    ]);
  });

  it('keeps a line amount that is filled on every line', () => {
    const r = inferMapping(['order_id', 'customer_id', 'order_date', 'qty', 'price', 'revenue'], [
      ['A1', 'c1', '2024-03-01', '2', '5.00', '10.00'],
      ['A1', 'c1', '2024-03-01', '1', '3.00', '3.00'],
    ]);
    expect(r.kind).toBe('orders');
    expect(r.mapping.fields).toMatchObject({ quantity: 'qty', unit_price: 'price', amount: 'revenue', ts: 'order_date' });
    expect(r.warnings).toEqual([]);
  });

  it('warns when an orders file has no timestamp (kind given by the analyst)', () => {
    const r = inferMapping(['order_number', 'client_id', 'total'], [['1', 'c1', '9.99']], 'orders');
    expect(r.kind).toBe('orders');
    expect(r.mapping.fields).toEqual({ customer_id: 'client_id', order_id: 'order_number', amount: 'total' });
    expect(r.warnings).toContain('No timestamp column found: choose the column with the date and time of each order line.');
  });

  it('does not take a column of discount codes for a discount amount', () => {
    const rows = ['SPRING10', 'SPRING10', 'WELCOME5'].map((code, i) => [String(i), 'u', '2024-03-01', '10', code]);
    const r = inferMapping(['order_id', 'user_id', 'created_at', 'amount', 'discount'], rows);
    expect(r.mapping.fields.discount).toBeUndefined();
  });

  it('trusts an exact name over a few bad values, which the import then reports row by row', () => {
    const r = inferMapping(['customer_id', 'InvoiceDate', 'Quantity', 'UnitPrice'], [['r1', '2024-02-30', '2', 'abc']]);
    expect(r.mapping.fields).toEqual({ customer_id: 'customer_id', ts: 'InvoiceDate', quantity: 'Quantity', unit_price: 'UnitPrice' });
    expect(r.mapping.dateFormat).toBe('iso'); // by shape: 2024-02-30 is ISO with a day that does not exist
    const many = inferMapping(['user_id', 'timestamp', 'event'], [
      ['c1', '2024-01-01T00:00:00Z', 'a'],
      ['c2', '2024-01-02T00:00:00Z', 'b'],
      ['c3', 'not a date', 'c'],
    ]);
    expect(many.mapping.fields.ts).toBe('timestamp');
    expect(many.mapping.dateFormat).toBe('iso');
  });
});

describe('inferMapping: events', () => {
  it('maps a Klaviyo-like export, using the email as the customer', () => {
    const r = preview([
      'Event,Timestamp,Email,Campaign Name,Subject,Flow Name,$value,Message ID',
      'Received Email,2024-03-01 09:00:00+00:00,ann@example.com,Spring Sale,Up to 30% off,,,01HQ1',
      'Opened Email,2024-03-01 09:12:31+00:00,ann@example.com,Spring Sale,Up to 30% off,,,01HQ1',
      'Placed Order,2024-03-01 10:15:42+00:00,ann@example.com,,,,49.95,',
    ]);
    expect(r.kind).toBe('events');
    expect(r.mapping.fields).toEqual({
      customer_id: 'Email',
      ts: 'Timestamp',
      type: 'Event',
      campaign: 'Campaign Name',
      amount: '$value',
      email: 'Email',
    });
    expect(r.warnings).toEqual(['No customer id column: "Email" (email) is used as the customer id.']);
  });

  it('maps a GA4-like export and says why event_timestamp is not used', () => {
    const r = preview([
      'event_date,event_timestamp,event_name,user_pseudo_id,page_location,device.category',
      '20210131,1612051200123456,page_view,1234567.1612051200,https://shop.example.com/,mobile',
      '20210131,1612051260654321,view_item,1234567.1612051200,https://shop.example.com/products/mug,mobile',
      '20210201,1612137600000001,session_start,7654321.1612137600,https://shop.example.com/pricing,desktop',
    ]);
    expect(r.kind).toBe('events');
    expect(r.mapping.fields).toEqual({
      customer_id: 'user_pseudo_id',
      ts: 'event_date',
      type: 'event_name',
      device: 'device.category',
      url: 'page_location',
    });
    expect(r.mapping.dateFormat).toBe('yyyymmdd');
    expect(r.warnings).toEqual([
      '"event_timestamp" is named like a timestamp but its values (e.g. 1612051200123456) are not in a date format the importer reads.',
    ]);
  });

  it('treats a category as the page category in web events without products', () => {
    const r = inferMapping(['visitor_id', 'time', 'action', 'page', 'category', 'session'], [
      ['v1', '2024-03-01T10:00:00Z', 'page_view', '/pricing', 'pricing', 's1'],
    ]);
    expect(r.kind).toBe('events');
    expect(r.mapping.fields).toEqual({
      customer_id: 'visitor_id',
      ts: 'time',
      type: 'action',
      session_id: 'session',
      url: 'page',
      page_category: 'category',
    });
  });

  it('flags ambiguous day/month order and preselects day/month/year', () => {
    const r = inferMapping(['user_id', 'date', 'event_type', 'utm_campaign', 'medium', 'platform'], [
      ['u1', '01/02/2024 10:00', 'email_open', 'spring', 'email', 'ios'],
      ['u2', '03/04/2024 11:30', 'email_click', 'spring', 'email', 'web'],
    ]);
    expect(r.kind).toBe('events');
    expect(r.mapping.fields).toMatchObject({ channel: 'medium', device: 'platform', campaign: 'utm_campaign' });
    expect(r.mapping.dateFormat).toBe('dmy');
    expect(r.dates).toEqual([
      { column: 'date', format: null, candidates: ['dmy', 'mdy'], ambiguous: true, examples: ['01/02/2024 10:00', '03/04/2024 11:30'] },
    ]);
    expect(r.warnings).toEqual([
      'Dates in "date" read both as day/month/year and as month/day/year (e.g. 01/02/2024 10:00): choose the format before importing (day/month/year is preselected).',
    ]);
  });

  it('warns about duplicate names, a missing customer id and two-digit years', () => {
    const r = inferMapping(['ts', 'event', 'url', 'url'], [['01/03/24 10:00', 'page_view', '/a', '/b']]);
    expect(r.kind).toBe('events');
    expect(r.warnings).toEqual([
      'The header has duplicate column names ("url"): only the first column of each name can be mapped; rename the others in the file.',
      'No customer id column found: choose the column that identifies the customer.',
      'Dates in "ts" read both as day/month/year and as month/day/year (e.g. 01/03/24 10:00): choose the format before importing (day/month/year is preselected).',
      'Dates in "ts" have two-digit years: they are read as 20yy.',
    ]);
  });

  it('falls back to events, with a warning, for a timeline without event types', () => {
    const r = inferMapping(['user', 'datetime', 'path'], [
      ['u1', '2024-03-01 10:00', '/a'],
      ['u1', '2024-03-01 10:05', '/b'],
    ]);
    expect(r.kind).toBe('events');
    expect(r.warnings).toContain('No event type column found: choose the column that says what happened (page view, purchase, ...).');
  });

  it('lets the hint decide the kind', () => {
    const r = inferMapping(['CustomerID', 'InvoiceDate', 'Quantity', 'UnitPrice'], [['1', '2024-03-01', '1', '2.5']], 'events');
    expect(r.kind).toBe('events');
    expect(r.mapping.kind).toBe('events');
    expect(r.mapping.fields).toEqual({ customer_id: 'CustomerID', ts: 'InvoiceDate', quantity: 'Quantity' });
  });
});

describe('inferMapping: customers', () => {
  it('maps a customer list with contact details', () => {
    const r = inferMapping(['customer_id', 'full_name', 'e-mail', 'mobile', 'Country', 'city'], [
      ['c1', 'Ann Lee', 'ann@example.com', '07700 900123', 'GB', 'Leeds'],
    ]);
    expect(r.kind).toBe('customers');
    expect(r.mapping.fields).toEqual({
      customer_id: 'customer_id',
      name: 'full_name',
      email: 'e-mail',
      phone: 'mobile',
      country: 'Country',
      city: 'city',
    });
    expect(r.warnings).toEqual([]);
  });

  it('reads a created-at date with ids that never repeat as first seen, and leaves split names alone', () => {
    const r = inferMapping(['Contact ID', 'First Name', 'Last Name', 'Email', 'Created At'], [
      ['1', 'Ann', 'Lee', 'ann@example.com', '2023-01-05'],
      ['2', 'Bo', 'Li', 'bo@example.com', '2023-02-11'],
    ]);
    expect(r.kind).toBe('customers');
    expect(r.mapping.fields).toEqual({ customer_id: 'Contact ID', first_seen: 'Created At', email: 'Email' });
    expect(r.warnings).toEqual([
      'First and last names are in separate columns ("First Name", "Last Name"): they are kept as they are and the name field is left unmapped.',
    ]);
  });

  it('uses the email as id and as email, and a lone first name as the name', () => {
    const r = inferMapping(['first_name', 'email', 'signup_date'], [['Ann', 'ann@example.com', '2023-01-05']]);
    expect(r.kind).toBe('customers');
    expect(r.mapping.fields).toEqual({ customer_id: 'email', first_seen: 'signup_date', name: 'first_name', email: 'email' });
  });

  it('takes a bare "id" as the customer id of a customer file', () => {
    const r = inferMapping(['id', 'name', 'country'], [['7', 'Ann Lee', 'GB']]);
    expect(r.mapping.fields).toEqual({ customer_id: 'id', name: 'name', country: 'country' });
  });
});

describe('inferMapping: files without header', () => {
  it('maps CDNOW master lines by their values', () => {
    const r = preview([' 00001 19970101  1   11.77', ' 00002 19970112  1   12.00', ' 00002 19970112  5   77.00', ' 00003 19970102  2   20.76']);
    expect(r.delimiter).toBe('whitespace');
    expect(r.hasHeader).toBe(false);
    expect(r.kind).toBe('orders');
    expect(r.mapping.fields).toEqual({ customer_id: 'column 1', ts: 'column 2', quantity: 'column 3', amount: 'column 4' });
    expect(r.mapping.dateFormat).toBe('yyyymmdd');
    expect(r.warnings).toEqual(['The file has no header row: columns were recognised from their values. Check the mapping.']);
  });

  it('maps the five-column CDNOW sample form to the first id column', () => {
    const r = preview([' 00004 0001 19970101  2   29.33', ' 00004 0001 19970118  2   29.73', ' 00021 0002 19970101  3   63.34']);
    expect(r.mapping.fields).toEqual({ customer_id: 'column 1', ts: 'column 3', quantity: 'column 4', amount: 'column 5' });
  });
});

// ---------------------------------------------------------------------------------------------
// Real files, read from the shared data folder (never copied into the repository).

/** The first `n` lines of a real data file, decoded as sniffed; fails naming the file when it is missing. */
function realHead(relative: string, n = 50): { lines: string[]; encoding: string } {
  const path = sharedDataFile(relative);
  const fd = openSync(path, 'r');
  try {
    const buf = new Uint8Array(64 * 1024);
    const len = readSync(fd, buf, 0, buf.length, 0);
    const head = buf.subarray(0, len);
    const { encoding, bomBytes } = detectEncoding(head);
    const text = new TextDecoder(encoding).decode(head.subarray(bomBytes));
    return { lines: text.split('\n').slice(0, n), encoding };
  } finally {
    closeSync(fd);
  }
}

describe('real files (first 50 lines)', () => {
  it('CDNOW_master.txt: whitespace, no header, orders by value', () => {
    const { lines, encoding } = realHead('cdnow/CDNOW_master.txt');
    expect(encoding).toBe('utf-8');
    const r = preview(lines);
    expect(r.delimiter).toBe('whitespace');
    expect(r.hasHeader).toBe(false);
    expect(r.columns).toEqual(['column 1', 'column 2', 'column 3', 'column 4']);
    expect(r.kind).toBe('orders');
    expect(r.mapping.fields).toEqual({ customer_id: 'column 1', ts: 'column 2', quantity: 'column 3', amount: 'column 4' });
    expect(r.mapping.dateFormat).toBe('yyyymmdd');
    const parseTs = createTimestampParser(r.mapping.dateFormat, r.mapping.timezone);
    expect(r.sample[0]).toEqual(['00001', '19970101', '1', '11.77']);
    expect(parseTs(r.sample[0]![1]!)).toBe(Date.UTC(1997, 0, 1));
    for (const row of r.sample) {
      expect(typeof parseTs(row[1]!)).toBe('number');
      expect(parseNumber(row[3]!)).not.toBeNull();
    }
  });

  it('CDNOW_sample.txt: five columns, the master id is the customer', () => {
    const { lines } = realHead('cdnow/CDNOW_sample.txt');
    const r = preview(lines);
    expect(r.delimiter).toBe('whitespace');
    expect(r.hasHeader).toBe(false);
    expect(r.columns).toHaveLength(5);
    expect(r.kind).toBe('orders');
    expect(r.mapping.fields).toEqual({ customer_id: 'column 1', ts: 'column 3', quantity: 'column 4', amount: 'column 5' });
    expect(r.sample[0]).toEqual(['00004', '0001', '19970101', '2', '29.33']);
  });

  it('online_retail.csv: comma, header, orders with computed amounts', () => {
    const { lines, encoding } = realHead('online_retail/online_retail.csv');
    expect(encoding).toBe('utf-8');
    const r = preview(lines);
    expect(r.delimiter).toBe(',');
    expect(r.hasHeader).toBe(true);
    expect(r.columns).toEqual(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country']);
    expect(r.kind).toBe('orders');
    expect(r.mapping.fields).toEqual({
      customer_id: 'CustomerID',
      order_id: 'InvoiceNo',
      ts: 'InvoiceDate',
      product: 'StockCode',
      quantity: 'Quantity',
      unit_price: 'UnitPrice',
      country: 'Country',
    });
    expect(r.mapping.dateFormat).toBe('iso');
    const first = r.sample[0]!; // 536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom
    const parseTs = createTimestampParser('iso', 'Europe/London');
    expect(parseTs(first[4]!)).toBe(Date.UTC(2010, 11, 1, 8, 26)); // GMT in December
    expect(normaliseId(first[6]!)).toBe('17850');
    expect(parseNumber(first[5]!)).toBe(2.55);
  });
});
