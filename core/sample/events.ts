// A reusable column buffer for one customer's events. The simulator pushes events in whatever
// order is convenient; `sortedOrder()` gives the insertion order by time (ties keep push order),
// so event ids of one customer increase with time.

export class EventBuffer {
  n = 0;
  ts = new Float64Array(256);
  type: string[] = [];
  channel: (string | null)[] = [];
  device: (string | null)[] = [];
  session: (string | null)[] = [];
  url: (string | null)[] = [];
  pageCategory: (string | null)[] = [];
  product: (string | null)[] = [];
  category: (string | null)[] = [];
  campaign: (string | null)[] = [];
  orderId: (string | null)[] = [];
  amount: (number | null)[] = [];
  discount: (number | null)[] = [];
  quantity: (number | null)[] = [];
  props: (string | null)[] = [];
  private order: number[] = [];

  reset(): void {
    this.n = 0;
  }

  push(
    ts: number,
    type: string,
    channel: string | null,
    device: string | null,
    session: string | null,
    url: string | null,
    pageCategory: string | null,
    product: string | null,
    category: string | null,
    campaign: string | null,
    orderId: string | null,
    amount: number | null,
    discount: number | null,
    quantity: number | null,
    props: string | null,
  ): void {
    const i = this.n++;
    if (i >= this.ts.length) {
      const grown = new Float64Array(this.ts.length * 2);
      grown.set(this.ts);
      this.ts = grown;
    }
    this.ts[i] = ts;
    this.type[i] = type;
    this.channel[i] = channel;
    this.device[i] = device;
    this.session[i] = session;
    this.url[i] = url;
    this.pageCategory[i] = pageCategory;
    this.product[i] = product;
    this.category[i] = category;
    this.campaign[i] = campaign;
    this.orderId[i] = orderId;
    this.amount[i] = amount;
    this.discount[i] = discount;
    this.quantity[i] = quantity;
    this.props[i] = props;
  }

  /** Indexes 0..n-1 ordered by (ts, push order). The array is reused: read it before the next call. */
  sortedOrder(): number[] {
    const order = this.order;
    order.length = this.n;
    for (let i = 0; i < this.n; i++) order[i] = i;
    const ts = this.ts;
    order.sort((a, b) => ts[a]! - ts[b]! || a - b);
    return order;
  }
}
