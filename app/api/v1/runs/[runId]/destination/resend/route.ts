import { db } from '@/lib/db/client';
import { resendDestinationMessage } from '@/lib/destinations/resend-destination-message';
import { userRoute } from '@/lib/http/json-route';

export const dynamic = 'force-dynamic';

/** Sends a run's destination message again (its algorithm's owner only): 404 for anyone else, 409 when there is nothing to resend. */
export const POST = userRoute<{ runId: string }>(async (_request, user, { runId }) => resendDestinationMessage(db(), user.id, runId));
