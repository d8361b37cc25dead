import { describe, expect, it } from 'vitest';
import { baseName, breadcrumbs, dirName, dotExt, isAbsolutePath, joinPath, withExt, withWorkspaceExt, workspaceFileName } from './paths.ts';

describe('paths', () => {
  it('joins with the separator the folder uses', () => {
    expect(joinPath('/home/ana', 'sample.segwb')).toBe('/home/ana/sample.segwb');
    expect(joinPath('/', 'x.segwb')).toBe('/x.segwb');
    expect(joinPath('C:\\Users\\ana', 'x.segwb')).toBe('C:\\Users\\ana\\x.segwb');
  });

  it('splits names and folders', () => {
    expect(baseName('/a/b/c.segwb')).toBe('c.segwb');
    expect(baseName('C:\\a\\b.segwb')).toBe('b.segwb');
    expect(dirName('/a/b/c.segwb')).toBe('/a/b');
    expect(dirName('/c.segwb')).toBe('/');
    expect(dirName('C:\\c.segwb')).toBe('C:\\');
  });

  it('adds the workspace extension when missing', () => {
    expect(withWorkspaceExt('q3')).toBe('q3.segwb');
    expect(withWorkspaceExt('q3.SEGWB')).toBe('q3.SEGWB');
    expect(withWorkspaceExt('  ')).toBe('');
  });

  it('adds any extension when missing, whether given with its dot or not', () => {
    expect(dotExt('csv')).toBe('.csv');
    expect(dotExt('.CSV')).toBe('.csv');
    expect(dotExt('')).toBe('');
    expect(withExt(' primary ', 'csv')).toBe('primary.csv');
    expect(withExt('primary', '.csv')).toBe('primary.csv');
    expect(withExt('primary.CSV', 'csv')).toBe('primary.CSV');
    expect(withExt('primary.csv.bak', 'csv')).toBe('primary.csv.bak.csv');
    expect(withExt('', 'csv')).toBe('');
    expect(withExt('notes', '')).toBe('notes');
  });

  it('tells a typed path from a name', () => {
    expect(isAbsolutePath('/tmp/a.csv')).toBe(true);
    expect(isAbsolutePath('C:\\a.csv')).toBe(true);
    expect(isAbsolutePath('\\\\server\\a.csv')).toBe(true);
    expect(isAbsolutePath('a.csv')).toBe(false);
    expect(isAbsolutePath('sub/a.csv')).toBe(false);
  });

  it('builds breadcrumbs for POSIX and Windows paths', () => {
    expect(breadcrumbs('/home/ana')).toEqual([
      { label: '/', path: '/' },
      { label: 'home', path: '/home' },
      { label: 'ana', path: '/home/ana' },
    ]);
    expect(breadcrumbs('C:\\Users\\ana')).toEqual([
      { label: 'C:', path: 'C:\\' },
      { label: 'Users', path: 'C:\\Users' },
      { label: 'ana', path: 'C:\\Users\\ana' },
    ]);
  });

  it('names an export after the workspace', () => {
    expect(workspaceFileName('Shop 2024.segwb', 'exclusions.csv')).toBe('Shop-2024-exclusions.csv');
    expect(workspaceFileName(' ', 'primary-segments.csv')).toBe('workspace-primary-segments.csv');
  });
});
