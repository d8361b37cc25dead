// Text helpers of the cluster charts: tooltips are HTML and cluster names are the analyst's free
// text (escape before interpolating); generated names can be long sentences (shorten at a word).
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The start of a long name, cut at a word when one ends in the second half. */
export function shortName(name: string, max: number): string {
  if (name.length <= max) return name;
  const cut = name.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s—,–-]+$/, '')}…`;
}
