// Where each bubble's label goes so labels do not cover each other, the bubbles, the quadrant
// names or the reference lines' labels: a greedy placement, largest segment first, trying spots
// around the bubble and taking the one that overlaps least. Text widths are estimated from the
// font size (the builder is pure: no canvas to measure with), generously, so a label placed here
// is placed no worse on screen. Pure.

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelItem {
  key: string;
  /** Bubble centre and radius, in px of the chart. */
  cx: number;
  cy: number;
  r: number;
  /** The label's estimated size. */
  w: number;
  h: number;
}

/** Estimated width of an 11px semi-bold name and, after it, a 10px warning chip. */
export function labelWidth(name: string, chip: string | null): number {
  const text = name.length * 6.6;
  return Math.ceil(chip ? text + 4 + 10 + chip.length * 5.9 : text);
}

export function labelHeight(chip: boolean): number {
  return chip ? 17 : 14;
}

export function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Area of the box outside the plot. */
function outside(b: Box, plot: Box): number {
  return b.w * b.h - overlap(b, plot);
}

const GAP = 3;

/** Spots around a bubble, in order of preference: the label box's top-left corner. */
export function candidates(it: LabelItem): Box[] {
  const { cx, cy, r, w, h } = it;
  const d = r * 0.72;
  const spots: Array<[number, number]> = [
    [cx - w / 2, cy - r - GAP - h], // above
    [cx + r + GAP, cy - h / 2], // right
    [cx - w / 2, cy + r + GAP], // below
    [cx - r - GAP - w, cy - h / 2], // left
    [cx + d, cy - d - h], // above right
    [cx - d - w, cy - d - h], // above left
    [cx + d, cy + d], // below right
    [cx - d - w, cy + d], // below left
    [cx - w / 2, cy - r - GAP - 2 * h], // higher above
    [cx - w / 2, cy + r + GAP + h], // lower below
  ];
  return spots.map(([x, y]) => ({ x, y, w, h }));
}

/**
 * The chosen label box per key. Bubbles are obstacles (their inner square), as are `fixed` boxes
 * (quadrant names, reference labels); labels already placed count most.
 */
export function layoutLabels(items: readonly LabelItem[], plot: Box, fixed: readonly Box[] = []): Map<string, Box> {
  // A bubble's box and a little more (the selected one has a thick ring).
  const bubbles = items.map((it) => ({ key: it.key, box: { x: it.cx - it.r - 2, y: it.cy - it.r - 2, w: 2 * it.r + 4, h: 2 * it.r + 4 } }));
  const placed: Box[] = [];
  const out = new Map<string, Box>();
  const order = [...items].sort((a, b) => b.r - a.r || a.key.localeCompare(b.key));
  for (const it of order) {
    let best: Box | null = null;
    let bestScore = Infinity;
    candidates(it).forEach((c, i) => {
      let score = i * 0.5 + outside(c, plot) * 6;
      for (const p of placed) score += overlap(c, p) * 4;
      for (const f of fixed) score += overlap(c, f) * 2;
      for (const b of bubbles) if (b.key !== it.key) score += overlap(c, b.box) * 2;
      if (score < bestScore) {
        bestScore = score;
        best = c;
      }
    });
    placed.push(best!);
    out.set(it.key, best!);
  }
  return out;
}
