import { queueAccess } from '@/lib/sqs/queue-access';
import { db } from '@/lib/db/client';
import { userRoute } from '@/lib/http/json-route';
import { findOperableFlow } from '@/lib/redrive/find-operable-flow';
import { peekDeadLetters } from '@/lib/redrive/peek-dead-letters';

export const GET = userRoute<{ id: string }>(async (_request, user, { id }) => peekDeadLetters(await findOperableFlow(db(), user, id, 'read'), queueAccess()));
