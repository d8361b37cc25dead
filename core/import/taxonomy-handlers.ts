// The page taxonomy is the analyst's: list it, replace it, and (by default) re-derive the page
// category of every event that has a URL, so signals computed afterwards see the new categories.
// Events from files that brought their own page-category column keep what the file said.
import { ApiError, type TaxonomyRule } from '../api/contract.ts';
import type { Db } from '../store/db.ts';
import { createCategoriser, loadTaxonomy } from './taxonomy.ts';

function checkRegexes(rules: TaxonomyRule[]): void {
  for (const r of rules) {
    if (r.match !== 'regex') continue;
    try {
      new RegExp(r.pattern, 'i');
    } catch (err) {
      throw new ApiError({ code: 'invalid-args', message: `The pattern /${r.pattern}/ for "${r.category}" is not a valid regular expression: ${(err as Error).message}` });
    }
  }
}

export function saveTaxonomy(db: Db, rules: TaxonomyRule[], recategorise: boolean): number {
  checkRegexes(rules);
  return db.transaction(() => {
    db.run('DELETE FROM page_taxonomy');
    const insert = db.prepare('INSERT INTO page_taxonomy (pattern, match, category, priority) VALUES (?, ?, ?, ?)');
    for (const r of rules) insert.run([r.pattern, r.match, r.category, r.priority]);
    if (!recategorise) return 0;
    const categorise = createCategoriser(loadTaxonomy(db));
    const urls = db.all<{ url: string }>('SELECT DISTINCT url FROM events WHERE url IS NOT NULL');
    const update = db.prepare(`
      UPDATE events SET page_category = ? WHERE url = ? AND page_category IS NOT ?
        AND NOT EXISTS (SELECT 1 FROM imports i WHERE i.import_id = events.import_id
                          AND json_extract(i.mapping, '$.fields.page_category') IS NOT NULL)`);
    let changed = 0;
    for (const { url } of urls) {
      const category = categorise(url);
      changed += update.run([category, url, category]).changes;
    }
    return changed;
  });
}

export { loadTaxonomy };
