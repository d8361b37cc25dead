// Remembers the main window's size, position and maximized state between runs. Pure given an
// fs-like object, so it is tested without Electron. A state that is corrupt, absurd or would put
// the window off every current display (a monitor was unplugged) is not trusted.
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent when the window should be centred by the OS. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface StateFs {
  readFileSync(path: string, encoding: 'utf8'): string;
  writeFileSync(path: string, data: string): void;
  renameSync(from: string, to: string): void;
  mkdirSync(path: string, options: { recursive: true }): unknown;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };
export const MIN_SIZE = { width: 900, height: 600 };
const MAX_SIDE = 32_000;

/** How much of the window's top edge (where the title bar is) must be on a display to grab it. */
const GRAB = { width: 100, height: 20, strip: 40 };

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** True when enough of the window's title strip lies on one of the displays' work areas. */
export function isReachable(bounds: Rect, workAreas: readonly Rect[]): boolean {
  return workAreas.some((area) => {
    const w = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
    const h = Math.min(bounds.y + GRAB.strip, area.y + area.height) - Math.max(bounds.y, area.y);
    return w >= Math.min(GRAB.width, bounds.width) && h >= GRAB.height;
  });
}

/**
 * Validates parsed JSON against the current displays. Size is kept when sane (and clamped to fit);
 * position only when reachable. `workAreas` empty means "unknown": positions are then dropped.
 */
export function validateWindowState(value: unknown, workAreas: readonly Rect[]): WindowState {
  if (typeof value !== 'object' || value === null) return { ...DEFAULT_WINDOW_STATE };
  const v = value as Record<string, unknown>;
  if (!isNum(v.width) || !isNum(v.height) || v.width < 1 || v.height < 1 || v.width > MAX_SIDE || v.height > MAX_SIDE) {
    return { ...DEFAULT_WINDOW_STATE };
  }
  // A window larger than every display (it was saved on a bigger monitor) is shrunk to fit the largest.
  const fitW = workAreas.length ? Math.max(...workAreas.map((a) => a.width)) : MAX_SIDE;
  const fitH = workAreas.length ? Math.max(...workAreas.map((a) => a.height)) : MAX_SIDE;
  const width = Math.round(Math.max(MIN_SIZE.width, Math.min(v.width, fitW)));
  const height = Math.round(Math.max(MIN_SIZE.height, Math.min(v.height, fitH)));
  const state: WindowState = { width, height, maximized: v.maximized === true };
  if (isNum(v.x) && isNum(v.y) && isReachable({ x: v.x, y: v.y, width, height }, workAreas)) {
    state.x = Math.round(v.x);
    state.y = Math.round(v.y);
  }
  return state;
}

export function loadWindowState(fs: StateFs, file: string, workAreas: readonly Rect[]): WindowState {
  try {
    return validateWindowState(JSON.parse(fs.readFileSync(file, 'utf8')), workAreas);
  } catch {
    // Missing on first run, or corrupt: either way start from the defaults.
    return { ...DEFAULT_WINDOW_STATE };
  }
}

/** Writes atomically (temp file + rename) so a crash mid-write cannot leave a half file behind. */
export function saveWindowState(fs: StateFs, file: string, state: WindowState): void {
  const dir = file.replace(/[\\/][^\\/]*$/, '');
  if (dir && dir !== file) fs.mkdirSync(dir, { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state, null, 2));
  fs.renameSync(tmp, file);
}

/** The state to remember for a window: its normal (un-maximized) bounds plus whether it is maximized. */
export function stateOf(normalBounds: Rect, maximized: boolean): WindowState {
  return { ...normalBounds, maximized };
}

/** Collapses bursts (resize and move fire per pixel) into one save after `delayMs` of quiet. */
export function debounce(fn: () => void, delayMs: number): { schedule(): void; flush(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        fn();
      }, delayMs);
    },
    flush() {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      fn();
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
