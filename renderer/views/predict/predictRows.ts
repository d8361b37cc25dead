// Rows of the scored-customers table (see lib/blockRowSource.ts for the paging). A query is a
// sort order or one customer id.
import type { CustomerPrediction, CustomerPredictionPage } from '../../../core/api/contract.ts';
import { BlockRowSource, type BlockRowEvents } from '../../lib/blockRowSource.ts';

export const PREDICT_BLOCK = 200;

export type PredictSort = 'expected' | 'p-alive' | 'clv' | 'customer';

export interface PredictQuery {
  sort: PredictSort;
  /** Only this customer (the search); null for everyone. */
  customerId: string | null;
}

export type FetchPredictions = (query: PredictQuery, offset: number, limit: number) => Promise<CustomerPredictionPage>;

/** The predict-customers arguments for one block. */
export function predictRequest(query: PredictQuery, offset: number, limit: number) {
  return query.customerId ? { customerId: query.customerId, offset, limit } : { sort: query.sort, offset, limit };
}

export class PredictRowSource extends BlockRowSource<CustomerPrediction, PredictQuery> {
  constructor(fetch: FetchPredictions, events: BlockRowEvents) {
    super(fetch, events, { blockSize: PREDICT_BLOCK });
  }
}
