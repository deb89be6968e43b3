import type { SessionUser } from '@/lib/auth/session';
import type { Db } from '@/lib/db/client';
import { getExternalId } from '@/lib/external-ids/get-external-id';
import { flowInputSchema } from '@/lib/flows/flow-input';
import type { QueueAccess } from '@/lib/sqs/queue-access';
import { checkQueueConnection, type ConnectionCheck } from './check-queue-connection';
import { takeRoleCheck } from './take-role-check';

/**
 * Test connection in the Connect broker modal: the connection as typed, before it is
 * saved, checked with the caller's own external ID. Input that could not be saved anyway
 * is refused before any role check is taken.
 */
export async function testNewConnection(
  db: Db,
  user: Pick<SessionUser, 'id' | 'username'>,
  input: unknown,
  { access, localSqsEndpoint }: { access: QueueAccess; localSqsEndpoint?: string },
): Promise<ConnectionCheck> {
  const connection = flowInputSchema(localSqsEndpoint).parse(input);
  await takeRoleCheck(db, user.id, access);
  const externalId = await getExternalId(db, user.id);
  return checkQueueConnection({ ...connection, externalId, owner: user.username }, access);
}
