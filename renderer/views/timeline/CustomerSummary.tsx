// The customer's record: contact and location, activity totals, and free-form attributes.
import type { CustomerDetail } from '../../../core/api/contract.ts';
import { formatDate, formatInt, formatMoney } from '../../lib/format.ts';
import { attributeText } from './groupByDay.ts';

export function CustomerSummary({ detail }: { detail: CustomerDetail }) {
  const place = [detail.city, detail.country].filter(Boolean).join(', ');
  const attrs = Object.entries(detail.attributes ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      <section className="tl-section">
        <dl className="kv">
          <dt>Email</dt>
          <dd>{detail.email ?? '—'}</dd>
          <dt>Phone</dt>
          <dd className="num">{detail.phone ?? '—'}</dd>
          <dt>Location</dt>
          <dd>{place || '—'}</dd>
          <dt>First seen</dt>
          <dd className="num">{formatDate(detail.first_seen)}</dd>
          <dt>Last seen</dt>
          <dd className="num">{formatDate(detail.last_seen)}</dd>
          <dt>Last purchase</dt>
          <dd className="num">{formatDate(detail.last_purchase)}</dd>
        </dl>
        <div className="stat-row">
          <Stat label="Events" value={formatInt(detail.events)} />
          <Stat label="Sessions" value={formatInt(detail.sessions)} />
          <Stat label="Purchases" value={formatInt(detail.purchases)} />
          <Stat label="Revenue" value={formatMoney(detail.revenue)} />
        </div>
      </section>
      {attrs.length > 0 ? (
        <details className="tl-section tl-attributes" open>
          <summary>
            <h4>Attributes</h4>
            <span className="faint">{attrs.length}</span>
          </summary>
          <dl className="kv">
            {attrs.map(([k, v]) => (
              <div key={k} className="kv-pair">
                <dt className="mono">{k}</dt>
                <dd className={typeof v === 'number' ? 'num' : undefined}>{attributeText(v)}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="stat">
      <span className="stat-label">{label}</span>
      <span className="stat-value num">{value}</span>
    </div>
  );
}
