import { db } from '@/lib/db/client';
import { userRoute } from '@/lib/http/json-route';
import { getRunDetail } from '@/lib/runs/get-run-detail';

export const dynamic = 'force-dynamic';

export const GET = userRoute<{ runId: string }>(async (_request, user, { runId }) => ({ run: await getRunDetail(db(), user.id, runId) }));
