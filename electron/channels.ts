// IPC channel names shared by main and preload. One place, so a typo cannot silently split the two sides.
export const CHANNELS = {
  /** invoke(name, args, jobId) -> WireResult */
  send: 'segwb:send',
  /** send(jobId) */
  cancel: 'segwb:cancel',
  /** main -> page: Progress */
  progress: 'segwb:progress',
  /** invoke(mode, suggestedName?) -> string | null */
  pickWorkspace: 'segwb:pick-workspace',
  /** invoke({ title, suggestedName, extension, dir? }) -> string | null */
  pickSavePath: 'segwb:pick-save-path',
  /** main -> page: MenuCommand */
  menuCommand: 'segwb:menu-command',
} as const;
