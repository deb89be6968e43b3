import Link from 'next/link';
import { FlowsPanel } from '@/components/flows/flows-panel';
import { db } from '@/lib/db/client';
import { listFlows } from '@/lib/flows/list-flows';
import { loadAlgorithm, type AlgorithmPageParams } from '../load-algorithm';

export async function generateMetadata({ params }: { params: AlgorithmPageParams }) {
  const { owner, name } = await params;
  return { title: `Listeners · ${owner}/${name}` };
}

export default async function AlgorithmListenersPage({ params }: { params: AlgorithmPageParams }) {
  const { owner, name } = await params;
  const algorithm = await loadAlgorithm(owner, name);
  return (
    <FlowsPanel
      algorithm={{ owner: algorithm.owner.username, name: algorithm.name }}
      kind="LISTENER"
      initialFlows={await listFlows(db(), algorithm.id, 'LISTENER')}
      title="Event listeners"
      description="Listeners are the older way to connect a queue; the worker runs them exactly like broker connections."
      noun="event listener"
      empty={{
        title: 'No event listeners',
        body: (
          <>
            Create one from{' '}
            <Link href="/" className="font-medium text-brand-600 hover:underline">
              Home
            </Link>{' '}
            → <strong>Create New</strong> → <strong>Event Listener</strong>, or connect a queue from the <strong>Events</strong> tab.
          </>
        ),
      }}
    />
  );
}
