import Link from 'next/link';
import type { FlowChain } from '@/lib/destinations/find-flow-chain';

/**
 * The chain a connection is part of, among its owner's connections: the algorithms that
 * feed its queue, this algorithm, its on-success queue, and the algorithms reading that.
 */
export function ConnectionChain({
  algorithmPath,
  queueName,
  onSuccessQueueUrl,
  chain,
}: {
  algorithmPath: string;
  queueName: string;
  onSuccessQueueUrl: string | null;
  chain: FlowChain;
}) {
  if (chain.feeds.length === 0 && chain.fedBy.length === 0) return null;
  const nextQueue = onSuccessQueueUrl ? onSuccessQueueUrl.slice(onSuccessQueueUrl.lastIndexOf('/') + 1) : null;
  return (
    <section aria-label="Chain" className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-900">Chain</h3>
      <ul className="space-y-1 text-sm text-slate-700">
        {chain.fedBy.map((link) => (
          <li key={link.flowId}>
            <Link href={link.connectionPath} className="font-mono text-brand-600 hover:underline">
              {link.algorithmPath}
            </Link>{' '}
            → <span className="font-mono">{queueName}</span> → <span className="font-mono">{algorithmPath}</span>
          </li>
        ))}
        {chain.feeds.map((link) => (
          <li key={link.flowId}>
            <span className="font-mono">{algorithmPath}</span> → <span className="font-mono">{nextQueue ?? link.queueName}</span> →{' '}
            <Link href={link.connectionPath} className="font-mono text-brand-600 hover:underline">
              {link.algorithmPath}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
