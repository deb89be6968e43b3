import { db } from '@/lib/db/client';
import { getFlowMetrics, parseMetricsRange } from '@/lib/flow-metrics/get-flow-metrics';
import { userRoute } from '@/lib/http/json-route';
import { findOperableFlow } from '@/lib/redrive/find-operable-flow';

export const dynamic = 'force-dynamic';

/** The connection page's charts: ?range=hour (per minute, default) or day (per 15 minutes). */
export const GET = userRoute<{ id: string }>(async (request, user, { id }) => {
  const flow = await findOperableFlow(db(), user, id, 'read');
  return getFlowMetrics(db(), flow.id, parseMetricsRange(new URL(request.url).searchParams.get('range')));
});
