// The one module that touches better-sqlite3. Domain code uses the small `Db` interface
// below, so the driver can be swapped or instrumented in one place.
import Database from 'better-sqlite3';

export type SqlValue = string | number | bigint | null | Uint8Array;
export type Params = readonly SqlValue[] | Record<string, SqlValue>;

export interface Statement<Row> {
  run(params?: Params): { changes: number; lastInsertRowid: number | bigint };
  all(params?: Params): Row[];
  get(params?: Params): Row | undefined;
  iterate(params?: Params): IterableIterator<Row>;
}

export interface Db {
  readonly path: string;
  readonly readonly: boolean;
  run(sql: string, params?: Params): { changes: number; lastInsertRowid: number | bigint };
  all<Row = Record<string, unknown>>(sql: string, params?: Params): Row[];
  get<Row = Record<string, unknown>>(sql: string, params?: Params): Row | undefined;
  /** Executes a script of several statements (migrations); no parameters. */
  exec(sql: string): void;
  prepare<Row = Record<string, unknown>>(sql: string): Statement<Row>;
  /** Rows as arrays in column order: no object per row, for reading 10^6 rows into typed arrays. */
  iterateArrays(sql: string, params?: Params): IterableIterator<unknown[]>;
  /** The column names `sql` returns, in order. */
  columnsOf(sql: string): string[];
  /** Runs `fn` in one transaction: everything or nothing. Nested calls become savepoints. */
  transaction<T>(fn: () => T): T;
  pragma(source: string): unknown;
  close(): void;
  readonly isOpen: boolean;
}

export interface OpenOptions {
  readonly?: boolean;
  /** Fail instead of creating the file when it does not exist. */
  fileMustExist?: boolean;
}

function bind(params: Params | undefined): unknown[] {
  if (params === undefined) return [];
  return Array.isArray(params) ? [...params] : [params];
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const raw = new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? false,
  });
  // Timestamps are epoch milliseconds, which exceed 2^31 but fit a double exactly.
  raw.defaultSafeIntegers(false);

  const wrap = <Row>(stmt: Database.Statement): Statement<Row> => ({
    run: (p) => stmt.run(...bind(p)),
    all: (p) => stmt.all(...bind(p)) as Row[],
    get: (p) => stmt.get(...bind(p)) as Row | undefined,
    iterate: (p) => stmt.iterate(...bind(p)) as IterableIterator<Row>,
  });

  return {
    path,
    readonly: options.readonly ?? false,
    run: (sql, params) => raw.prepare(sql).run(...bind(params)),
    all: <Row>(sql: string, params?: Params) => raw.prepare(sql).all(...bind(params)) as Row[],
    get: <Row>(sql: string, params?: Params) => raw.prepare(sql).get(...bind(params)) as Row | undefined,
    exec: (sql) => void raw.exec(sql),
    prepare: <Row>(sql: string) => wrap<Row>(raw.prepare(sql)),
    iterateArrays: (sql, params) => raw.prepare(sql).raw(true).iterate(...bind(params)) as IterableIterator<unknown[]>,
    columnsOf: (sql) => raw.prepare(sql).columns().map((c) => c.name),
    transaction: <T>(fn: () => T): T => raw.transaction(fn)(),
    pragma: (source) => raw.pragma(source),
    close: () => raw.close(),
    get isOpen() {
      return raw.open;
    },
  };
}
