import { NotFoundMessage } from '@/components/shell/not-found-message';
import { UpLink } from '@/components/shell/up-link';

export default function RunNotFound() {
  return (
    <NotFoundMessage title="Run not found" action={<UpLink>All runs of this algorithm</UpLink>}>
      This algorithm has no run with that id.
    </NotFoundMessage>
  );
}
