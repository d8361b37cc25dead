// Segment economics: the shapes that cross the API (re-exported by the contract). Pure.
import { z } from 'zod';

export const economicsSettingsSchema = z
  .object({
    /** Gross margin as a share of what customers paid. */
    margin: z.number().min(0).max(1).default(0.3),
    /** Cost of one support contact. */
    supportContactCost: z.number().min(0).max(10_000).default(5),
    /** A buyer whose only order is at least this old counts as churned after the first purchase. */
    churnAfterDays: z.number().int().min(1).max(730).default(90),
  })
  .strict();
export type EconomicsSettings = z.output<typeof economicsSettingsSchema>;

export const ECONOMICS_WARNINGS = ['converts-but-churns', 'discount-dependent', 'high-returns', 'high-support-cost'] as const;
export type EconomicsWarning = (typeof ECONOMICS_WARNINGS)[number];

export interface SegmentEconomics {
  key: string;
  name: string;
  customers: number;
  buyers: number;
  /** Purchased in the outcome window after the date (null without data after it). */
  conversionRate: number | null;
  orders: number;
  averageOrderValue: number | null;
  revenuePerCustomer: number;
  grossMarginPerCustomer: number;
  /** Orders with a discount / orders. */
  discountShare: number | null;
  /** Mean discount on discounted orders. */
  averageDiscount: number | null;
  /** Returns / orders. */
  returnRate: number | null;
  returnValuePerCustomer: number;
  supportContactsPerCustomer: number;
  supportCostPerCustomer: number;
  /** Buyers whose only order is older than churnAfterDays, of buyers whose first order is. */
  churnAfterFirstPurchase: number | null;
  predictedClv: number | null;
  /** (paid - returned) x margin - support cost, per customer. */
  netValuePerCustomer: number;
  warnings: EconomicsWarning[];
}
