// Path helpers for display and for composing a file path in the browser file dialog. Paths come
// from core and may be POSIX or Windows; the renderer never touches the file system itself.

/** The separator a path uses: backslash only for Windows-looking paths. */
export function separatorOf(path: string): '/' | '\\' {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

export function joinPath(dir: string, name: string): string {
  const sep = separatorOf(dir);
  if (dir === '') return name;
  return dir.endsWith('/') || dir.endsWith('\\') ? `${dir}${name}` : `${dir}${sep}${name}`;
}

export function baseName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return cut >= 0 ? trimmed.slice(cut + 1) : trimmed;
}

export function dirName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (cut < 0) return '';
  if (cut === 0) return trimmed.slice(0, 1);
  // "C:\" keeps its separator, otherwise it would mean "current folder on drive C".
  if (/^[A-Za-z]:$/.test(trimmed.slice(0, cut))) return trimmed.slice(0, cut + 1);
  return trimmed.slice(0, cut);
}

export const WORKSPACE_EXT = '.segwb';

/** A file named after the workspace, for an export: ("Shop 2024", "exclusions.csv") → "Shop-2024-exclusions.csv". */
export function workspaceFileName(workspaceName: string, suffix: string): string {
  const base =
    workspaceName
      .trim()
      .replace(/\.segwb$/i, '')
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'workspace';
  return `${base}-${suffix}`;
}

/** Adds the workspace extension when the user typed a bare name. */
export function withWorkspaceExt(name: string): string {
  return withExt(name, WORKSPACE_EXT);
}

/** ".csv" for "csv", ".CSV" or ".csv". */
export function dotExt(extension: string): string {
  const e = extension.trim().replace(/^\.+/, '').toLowerCase();
  return e ? `.${e}` : '';
}

/** The trimmed name with `extension` added when it does not end in it already ('' stays ''). */
export function withExt(name: string, extension: string): string {
  const n = name.trim();
  const ext = dotExt(extension);
  if (n === '' || ext === '') return n;
  return n.toLowerCase().endsWith(ext) ? n : `${n}${ext}`;
}

/** A typed name that is a path of its own ("/tmp/x.csv", "C:\\x.csv") rather than a name in the folder shown. */
export function isAbsolutePath(name: string): boolean {
  return /^([A-Za-z]:)?[\\/]/.test(name);
}

export interface Crumb {
  label: string;
  path: string;
}

/** "/home/ana/data" → [/, home, ana, data], each with the path it leads to. */
export function breadcrumbs(dir: string): Crumb[] {
  const sep = separatorOf(dir);
  const crumbs: Crumb[] = [];
  const drive = /^([A-Za-z]:)[\\/]?/.exec(dir);
  let rest = dir;
  let acc = '';
  if (drive) {
    acc = `${drive[1]}${sep}`;
    crumbs.push({ label: drive[1]!, path: acc });
    rest = dir.slice(drive[0].length);
  } else if (dir.startsWith('/')) {
    acc = '/';
    crumbs.push({ label: '/', path: '/' });
    rest = dir.slice(1);
  }
  for (const part of rest.split(/[\\/]+/).filter(Boolean)) {
    acc = acc === '' || acc.endsWith(sep) ? `${acc}${part}` : `${acc}${sep}${part}`;
    crumbs.push({ label: part, path: acc });
  }
  return crumbs;
}
