import type { HandlerGroup } from '../api/registry.ts';
import { countries, customerDetail, customersPage, customerTimeline } from './queries.ts';

export const customerHandlers: HandlerGroup = {
  'customers-page': (args, { session }) => customersPage(session.requireWorkspace().db, args),
  'customers-countries': (_args, { session }) => countries(session.requireWorkspace().db),
  'customer-get': ({ customerId }, { session }) => customerDetail(session.requireWorkspace().db, customerId),
  'customer-timeline': (args, { session }) => customerTimeline(session.requireWorkspace().db, args),
};
