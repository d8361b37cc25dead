// Scroll-space scaling for the customers grid.
//
// Browsers cap an element's height (Chromium ≈ 33.5M px, Firefox ≈ 17.9M px, and rounding
// trouble starts earlier). 1,000,000 rows × 28 px = 28M px would silently be cut off. So the
// grid keeps the *content* height (total × rowHeight) as a virtual coordinate, and gives the
// browser a spacer of at most MAX_SCROLL_PX. The real scrollTop maps linearly to the virtual
// offset with `ratio`, chosen so that both ends line up exactly: scrollTop 0 shows row 0, the
// maximum scrollTop shows the last row at the bottom. Rows are drawn in a sticky layer at
// `index × rowHeight − virtualOffset`, so nothing is ever positioned beyond the cap. When the
// content fits, ratio is 1 and this is ordinary virtualisation.
//
// Why not a smaller row height: 16 px rows would still overflow at 1M rows and hurt readability;
// why not paging: analysts expect one continuous scrollbar over "all customers".

export const ROW_HEIGHT = 28;
/** Well under Firefox's limit, leaving room for zoom and the header. */
export const MAX_SCROLL_PX = 15_000_000;

export interface ScrollScale {
  /** total × rowHeight: where rows live in virtual coordinates. */
  contentHeight: number;
  /** Height given to the browser (≤ maxScrollPx). */
  spacerHeight: number;
  /** Virtual px per real px of scrolling (≥ 1). */
  ratio: number;
}

export function computeScrollScale(
  total: number,
  rowHeight: number,
  viewportHeight: number,
  maxScrollPx: number = MAX_SCROLL_PX,
): ScrollScale {
  const contentHeight = Math.max(0, total) * rowHeight;
  if (contentHeight <= maxScrollPx) return { contentHeight, spacerHeight: contentHeight, ratio: 1 };
  const view = Math.max(0, Math.min(viewportHeight, maxScrollPx / 2));
  const ratio = (contentHeight - view) / (maxScrollPx - view);
  return { contentHeight, spacerHeight: maxScrollPx, ratio };
}

/** The virtual offset at the top of the body viewport for a real scrollTop. */
export function virtualOffset(scrollTop: number, scale: ScrollScale, viewportHeight: number): number {
  const max = Math.max(0, scale.contentHeight - viewportHeight);
  return Math.min(max, Math.max(0, scrollTop * scale.ratio));
}

/**
 * react-virtual sees each row as ROW_HEIGHT / ratio tall in the real scroll space. Those rows add
 * up to contentHeight / ratio, a little less than the spacer, and the virtualizer would clamp its
 * offset there and stop short of the last rows. This padding makes its list end exactly at the
 * spacer's end, so its startIndex is always the first row on screen.
 */
export function virtualizerPaddingEnd(scale: ScrollScale): number {
  if (scale.ratio === 1) return 0;
  return Math.max(0, scale.spacerHeight - scale.contentHeight / scale.ratio);
}

export interface RowWindow {
  /** First and last (inclusive) row index to draw, overscan included; end < start when empty. */
  start: number;
  end: number;
}

export function visibleRows(
  offset: number,
  viewportHeight: number,
  rowHeight: number,
  total: number,
  overscan: number,
): RowWindow {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: -1 };
  const first = Math.floor(offset / rowHeight);
  const last = Math.ceil((offset + viewportHeight) / rowHeight) - 1;
  return { start: Math.max(0, first - overscan), end: Math.min(total - 1, last + overscan) };
}

/**
 * The real scrollTop that brings row `index` fully into view with the least movement,
 * or null when it already is.
 */
export function scrollTopToReveal(
  index: number,
  scrollTop: number,
  scale: ScrollScale,
  viewportHeight: number,
  rowHeight: number,
): number | null {
  const offset = virtualOffset(scrollTop, scale, viewportHeight);
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  let target: number;
  if (top < offset) target = top;
  else if (bottom > offset + viewportHeight) target = bottom - viewportHeight;
  else return null;
  // Round up/down so that real-pixel rounding of scrollTop cannot leave the row clipped.
  const real = target / scale.ratio;
  return top < offset ? Math.floor(real) : Math.ceil(real);
}
