/** An import that cannot go ahead; the message names the file and says what to do. */
export class ImportError extends Error {
  constructor(
    readonly code:
      | 'file-not-found'
      | 'file-empty'
      | 'header-only'
      | 'binary-file'
      | 'line-too-long'
      | 'duplicate-columns'
      | 'rows-rejected'
      | 'file-changed'
      | 'already-imported'
      | 'disk-full'
      | 'workspace-read-only'
      | 'mapping-invalid',
    message: string,
    /** Facts the message states, for programs: e.g. { report: path, rejected: n }. */
    readonly details?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
