// Reads a bundle file with errors that say what is wrong and where: JSON syntax (line and
// column), another format or version, missing or invalid fields (by path), and content edited
// after export (the integrity hash no longer matches).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ApiError } from '../../api/contract.ts';
import { integrityOf } from './integrity.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION, bundleSchema, type Bundle } from './schema.ts';

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function syntaxError(file: string, text: string, err: Error): ApiError {
  // V8: "Unexpected token } in JSON at position 12" or "... (line 3 column 5)".
  const lc = /line (\d+) column (\d+)/.exec(err.message);
  const pos = /position (\d+)/.exec(err.message);
  const where = lc ? { line: Number(lc[1]), column: Number(lc[2]) } : pos ? lineAndColumn(text, Number(pos[1])) : null;
  const at = where ? `, line ${where.line}, column ${where.column}` : '';
  return new ApiError({ code: 'bundle-invalid', message: `${file}${at}: not valid JSON (${err.message.replace(/^[^:]*: /, '')}).`, ...(where ? { details: where } : {}) });
}

export function parseBundleText(text: string, file: string): Bundle {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw syntaxError(file, text, err as Error);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ApiError({ code: 'bundle-invalid', message: `${file}: a bundle is a JSON object.` });
  const head = raw as { format?: unknown; version?: unknown; integrity?: unknown };
  if (head.format !== BUNDLE_FORMAT) {
    throw new ApiError({ code: 'bundle-invalid', message: `${file} is not a Segment Workbench bundle: "format" is ${JSON.stringify(head.format) ?? 'missing'}, expected "${BUNDLE_FORMAT}".` });
  }
  if (head.version !== BUNDLE_VERSION) {
    const newer = typeof head.version === 'number' && head.version > BUNDLE_VERSION;
    throw new ApiError({
      code: 'bundle-version',
      message: `${file} is a bundle of version ${JSON.stringify(head.version) ?? '(missing)'}; this workbench reads version ${BUNDLE_VERSION}${newer ? ': export it again from this version of the workbench, or update the workbench' : ''}.`,
    });
  }
  const parsed = bundleSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(top)', message: i.message }));
    const list = issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new ApiError({ code: 'bundle-invalid', message: `${file} does not hold a valid bundle: ${list}${issues.length > 5 ? ` and ${issues.length - 5} more` : ''}.`, issues });
  }
  if (integrityOf(raw as Record<string, unknown>) !== head.integrity) {
    throw new ApiError({
      code: 'bundle-tampered',
      message: `${file} was changed after it was exported: its content no longer matches its integrity hash. Export the bundle again rather than editing it.`,
    });
  }
  return parsed.data;
}

export function readBundle(path: string): Bundle {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new ApiError({ code: 'bundle-unreadable', message: `${path} ${code === 'ENOENT' ? 'does not exist' : 'cannot be read'}.` });
  }
  return parseBundleText(text, basename(path));
}
