import { NotFoundMessage } from '@/components/shell/not-found-message';
import { UpLink } from '@/components/shell/up-link';

// The 404s under /events/{flowId} and /listeners/{flowId}: the connection, or a message of it.

export function ConnectionNotFound() {
  return (
    <NotFoundMessage title="Connection not found" action={<UpLink>All connections of this algorithm</UpLink>}>
      This algorithm has no such connection: it may have been deleted.
    </NotFoundMessage>
  );
}

export function MessageNotFound() {
  return (
    <NotFoundMessage title="Message not found" action={<UpLink levels={2}>Back to the connection</UpLink>}>
      No run of this connection has that SQS message id.
    </NotFoundMessage>
  );
}
