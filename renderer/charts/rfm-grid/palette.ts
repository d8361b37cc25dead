// One colour per RFM group, stable while the analyst edits: a group keeps its colour when groups
// are reordered, renamed or added, because the colour follows the group id (the usual groups have
// their own; other ids are hashed into the free slots, collisions resolved in id order, not list
// order). "Other" is neutral.
import type { ThemeMode } from '../theme.ts';

export const GROUP_PALETTE: Record<ThemeMode, readonly string[]> = {
  light: ['#2e8b57', '#2f6bd8', '#7656c4', '#d99a1a', '#dd5f33', '#c2417a', '#17949f', '#8a6a3a', '#5f8f23', '#b03a48', '#4e6ea8', '#9c5cb4'],
  dark: ['#4fb57a', '#5b95f5', '#9d82e3', '#e6b03e', '#f07a4f', '#e06a9d', '#3cbcc6', '#b8925a', '#8ab84a', '#d8606d', '#7d9bd6', '#c188d6'],
};

export const OTHER_COLOUR: Record<ThemeMode, string> = { light: '#c3c9d1', dark: '#444c57' };

function hash(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/**
 * The usual groups keep colours that say something (champions green, at risk orange, lost red…);
 * palette indexes of GROUP_PALETTE.
 */
const PREFERRED: Record<string, number> = {
  champions: 0,
  loyal: 1,
  'cant-lose': 5,
  'needs-attention': 3,
  'at-risk': 4,
  new: 6,
  hibernating: 7,
  lost: 9,
  'potential-loyalist': 2,
};

/** Palette slot per group id; distinct for up to the palette's length, then they repeat. */
export function groupSlots(ids: readonly string[], size = GROUP_PALETTE.light.length): Map<string, number> {
  const slots = new Map<string, number>();
  const used = new Set<number>();
  const unique = [...new Set(ids)];
  for (const id of unique) {
    const slot = PREFERRED[id];
    if (slot !== undefined && slot < size && !used.has(slot)) {
      slots.set(id, slot);
      used.add(slot);
    }
  }
  for (const id of unique.filter((x) => !slots.has(x)).sort()) {
    let slot = hash(id) % size;
    if (used.size < size) while (used.has(slot)) slot = (slot + 1) % size;
    used.add(slot);
    slots.set(id, slot);
  }
  return slots;
}

/** Colour of every group id, plus "other". */
export function groupColours(ids: readonly string[], mode: ThemeMode): Record<string, string> {
  const palette = GROUP_PALETTE[mode];
  const out: Record<string, string> = { other: OTHER_COLOUR[mode] };
  for (const [id, slot] of groupSlots(ids, palette.length)) out[id] = palette[slot]!;
  return out;
}

/** Dark or white text, whichever reads on the background. */
export function textOn(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 140 ? '#1c2128' : '#ffffff';
}
