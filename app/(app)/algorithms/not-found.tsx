import { NotFoundMessage } from '@/components/shell/not-found-message';

// Someone else's algorithm looks exactly like one that does not exist.
export default function AlgorithmNotFound() {
  return <NotFoundMessage title="Algorithm not found">There is no such algorithm among yours.</NotFoundMessage>;
}
