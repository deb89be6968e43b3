import type { ReactNode } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { TabsNav } from '@/components/ui/tabs-nav';
import { formatAlgorithmPath } from '@/lib/algorithms/algorithm-path';
import { loadAlgorithm, type AlgorithmPageParams } from './load-algorithm';

export default async function AlgorithmProfileLayout({ params, children }: { params: AlgorithmPageParams; children: ReactNode }) {
  const { owner, name } = await params;
  const algorithm = await loadAlgorithm(owner, name);
  const latest = algorithm.versions[0]?.version;
  const endpoint = formatAlgorithmPath({ owner: algorithm.owner.username, name: algorithm.name, version: latest });
  const base = `/algorithms/${algorithm.owner.username}/${algorithm.name}`;
  return (
    <div className="space-y-6">
      <header className="min-w-0 space-y-4">
        <div className="min-w-0">
          <p className="text-sm break-all text-slate-500">{algorithm.owner.username} /</p>
          <h1 className="text-2xl font-semibold tracking-tight break-all">{algorithm.name}</h1>
          {algorithm.description ? <p className="mt-1 text-sm break-words text-slate-600">{algorithm.description}</p> : null}
        </div>
        <div className="flex flex-wrap items-center gap-2 rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200">
          <span className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Algorithm endpoint</span>
          <code className="font-mono text-sm break-all text-slate-900">
            {endpoint}
          </code>
          {latest ? <CopyButton text={endpoint} /> : <span className="text-xs text-slate-500">(publish a version to run it)</span>}
        </div>
      </header>
      <TabsNav
        label="Algorithm"
        tabs={[
          { href: base, label: 'Overview' },
          { href: `${base}/events`, label: 'Events' },
          { href: `${base}/listeners`, label: 'Listeners' },
          { href: `${base}/runs`, label: 'Runs' },
        ]}
      />
      {children}
    </div>
  );
}
