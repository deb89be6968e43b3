import { ConnectBrokerDialog } from '@/components/flows/connect-broker-dialog';
import { FlowsPanel } from '@/components/flows/flows-panel';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { listFlows } from '@/lib/flows/list-flows';
import { localSqsEndpoint } from '@/lib/flows/local-sqs-endpoint';
import { loadAlgorithm, type AlgorithmPageParams } from '../load-algorithm';

export async function generateMetadata({ params }: { params: AlgorithmPageParams }) {
  const { owner, name } = await params;
  return { title: `Events · ${owner}/${name}` };
}

export default async function AlgorithmEventsPage({ params }: { params: AlgorithmPageParams }) {
  const { owner, name } = await params;
  const algorithm = await loadAlgorithm(owner, name);
  const ref = { owner: algorithm.owner.username, name: algorithm.name };
  return (
    <FlowsPanel
      algorithm={ref}
      kind="BROKER"
      initialFlows={await listFlows(db(), algorithm.id, 'BROKER')}
      title="Amazon SQS broker connections"
      description="The worker long-polls each connected queue and runs this algorithm with every message."
      noun="connection"
      empty={{
        title: 'No broker connections yet',
        body: (
          <>
            Click <strong>Connect broker</strong> and enter your queue&apos;s URL (the stack&apos;s QueueURL) and the role the platform
            assumes to read it (QueueConsumerARN). Every message published to the queue then runs {ref.owner}/{ref.name}.
          </>
        ),
      }}
      action={
        <ConnectBrokerDialog
          algorithm={ref}
          versions={algorithm.versions.map((v) => v.version)}
          localSqsEndpoint={localSqsEndpoint(env())}
        />
      }
    />
  );
}
