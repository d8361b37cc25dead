import { describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/contract.ts';
import { parseUploadAnswer, uploadUrl } from './upload.ts';

describe('upload', () => {
  it('builds the upload address with the file name encoded', () => {
    expect(uploadUrl('orders.csv')).toBe('/api/upload?name=orders.csv');
    expect(uploadUrl('my orders & returns (2024).csv')).toBe('/api/upload?name=my%20orders%20%26%20returns%20(2024).csv');
    expect(uploadUrl('Bestellungen-Ü.tsv', 'http://127.0.0.1:5181')).toBe('http://127.0.0.1:5181/api/upload?name=Bestellungen-%C3%9C.tsv');
    expect(uploadUrl('a?b=c#d')).toBe('/api/upload?name=a%3Fb%3Dc%23d');
    expect(uploadUrl('')).toBe('/api/upload?name=upload');
  });

  it('reads the saved path from a successful answer', () => {
    expect(parseUploadAnswer(200, JSON.stringify({ ok: true, result: { path: '/home/a/uploads/1-x-orders.csv', bytes: 12 } }))).toEqual({
      path: '/home/a/uploads/1-x-orders.csv',
      bytes: 12,
    });
  });

  it('turns failures into ApiErrors with the server message', () => {
    const fail = () => parseUploadAnswer(500, JSON.stringify({ ok: false, error: { code: 'upload-failed', message: 'The file could not be received: disk full' } }));
    expect(fail).toThrow(ApiError);
    expect(fail).toThrow(/disk full/);
    try {
      parseUploadAnswer(401, JSON.stringify({ ok: false, error: { code: 'unauthorised', message: 'Missing or wrong access token' } }));
    } catch (err) {
      expect((err as ApiError).code).toBe('unauthorised');
    }
  });

  it('says so when the answer is not the wire format', () => {
    expect(() => parseUploadAnswer(502, '<html>Bad gateway</html>')).toThrow(/Unexpected answer to the upload \(HTTP 502\)/);
    expect(() => parseUploadAnswer(200, JSON.stringify({ ok: true, result: {} }))).toThrow(/did not say where/);
  });
});
