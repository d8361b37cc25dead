import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  debounce,
  DEFAULT_WINDOW_STATE,
  isReachable,
  loadWindowState,
  MIN_SIZE,
  saveWindowState,
  stateOf,
  validateWindowState,
} from './window-state.ts';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const rightMonitor = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('validateWindowState', () => {
  it('keeps a sane state that is on screen', () => {
    expect(validateWindowState({ x: 100, y: 50, width: 1200, height: 800, maximized: true }, [laptop])).toEqual({
      x: 100,
      y: 50,
      width: 1200,
      height: 800,
      maximized: true,
    });
  });

  it('falls back to the defaults for values that are not a state', () => {
    for (const bad of [null, 42, 'x', [], {}, { width: 'wide', height: 800 }, { width: NaN, height: 800 }, { width: 1e9, height: 800 }, { width: -5, height: 800 }]) {
      expect(validateWindowState(bad, [laptop])).toEqual(DEFAULT_WINDOW_STATE);
    }
  });

  it('drops the position (the OS centres the window) when it would be off every display', () => {
    const saved = { x: 2000, y: 100, width: 1200, height: 800, maximized: false };
    // Saved on the right monitor, which has since been unplugged.
    expect(validateWindowState(saved, [laptop, rightMonitor])).toMatchObject({ x: 2000, y: 100 });
    const restored = validateWindowState(saved, [laptop]);
    expect(restored).toEqual({ width: 1200, height: 800, maximized: false });
  });

  it('drops the position when only a sliver of the title bar would be reachable', () => {
    expect(isReachable({ x: 1400, y: 10, width: 1000, height: 700 }, [laptop])).toBe(false);
    expect(isReachable({ x: 100, y: 860, width: 1000, height: 700 }, [laptop])).toBe(false);
    expect(isReachable({ x: -900, y: 10, width: 1000, height: 700 }, [laptop])).toBe(true);
  });

  it('shrinks a window larger than every display and enforces the minimum size', () => {
    expect(validateWindowState({ width: 5000, height: 3000, maximized: false }, [laptop])).toEqual({
      width: 1440,
      height: 875,
      maximized: false,
    });
    expect(validateWindowState({ width: 10, height: 10, maximized: false }, [laptop])).toEqual({
      ...MIN_SIZE,
      maximized: false,
    });
  });

  it('without display information keeps the size but not the position', () => {
    expect(validateWindowState({ x: 10, y: 10, width: 1000, height: 700 }, [])).toEqual({ width: 1000, height: 700, maximized: false });
  });
});

describe('load and save', () => {
  const dirs: string[] = [];
  const tempFile = () => {
    const dir = mkdtempSync(join(tmpdir(), 'segwb-winstate-'));
    dirs.push(dir);
    return join(dir, 'nested', 'window-state.json');
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('round-trips a state through the file, writing atomically (no temp file left behind)', () => {
    const file = tempFile();
    const state = stateOf({ x: 20, y: 30, width: 1300, height: 900 }, true);
    saveWindowState(fs, file, state);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
    expect(readdirSync(join(file, '..'))).toEqual(['window-state.json']);
    expect(loadWindowState(fs, file, [laptop, rightMonitor])).toEqual(state);
  });

  it('returns the defaults when the file is missing or corrupt', () => {
    const file = tempFile();
    expect(loadWindowState(fs, file, [laptop])).toEqual(DEFAULT_WINDOW_STATE);
    saveWindowState(fs, file, DEFAULT_WINDOW_STATE);
    writeFileSync(file, '{"width": 1200, "hei');
    expect(loadWindowState(fs, file, [laptop])).toEqual(DEFAULT_WINDOW_STATE);
  });
});

describe('debounce', () => {
  it('collapses a burst into one call, and flush runs a pending call at once', () => {
    vi.useFakeTimers();
    try {
      const fn = vi.fn();
      const d = debounce(fn, 500);
      for (let i = 0; i < 20; i++) d.schedule();
      vi.advanceTimersByTime(499);
      expect(fn).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(fn).toHaveBeenCalledTimes(1);
      d.schedule();
      d.flush();
      expect(fn).toHaveBeenCalledTimes(2);
      d.flush();
      d.schedule();
      d.cancel();
      vi.advanceTimersByTime(1000);
      expect(fn).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
