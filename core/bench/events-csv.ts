// A seeded, realistic events CSV for the import benchmark: the kind of export a web analytics or
// email tool produces (ISO timestamps, canonical and tool-specific event names, URLs, amounts).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Rng } from '../sample/random.ts';

const TYPES = ['page_view', 'page_view', 'page_view', 'session_start', 'email_open', 'email_click', 'add_to_cart', 'purchase'];
const PAGES = ['/', '/pricing', '/faq/delivery', '/returns', '/shipping', '/reviews/oak-table', '/compare/oak-vs-walnut', '/product/lamp-12', '/category/lighting', '/checkout'];
const DEVICES = ['mobile', 'desktop', 'tablet'];
const CHANNELS = ['web', 'app', 'email'];

export const EVENTS_CSV_HEADER = 'customer_id,timestamp,event,channel,device,page_url,product,amount';

export async function writeEventsCsv(path: string, rows: number, seed = 42): Promise<number> {
  const rng = new Rng(seed);
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let t = Date.UTC(2024, 0, 1);
  let chunk = `${EVENTS_CSV_HEADER}\n`;
  for (let i = 0; i < rows; i++) {
    t += Math.floor(rng.uniform() * 6000);
    const type = TYPES[Math.floor(rng.uniform() * TYPES.length)]!;
    const customer = `C${String(Math.floor(rng.uniform() * 100_000)).padStart(6, '0')}`;
    const page = type === 'page_view' ? PAGES[Math.floor(rng.uniform() * PAGES.length)]! : '';
    const product = type === 'purchase' || type === 'add_to_cart' ? `SKU-${Math.floor(rng.uniform() * 500)}` : '';
    const amount = type === 'purchase' ? (5 + rng.uniform() * 200).toFixed(2) : '';
    chunk += `${customer},${new Date(t).toISOString()},${type},${CHANNELS[i % 3]},${DEVICES[Math.floor(rng.uniform() * 3)]},${page},${product},${amount}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return rows;
}
