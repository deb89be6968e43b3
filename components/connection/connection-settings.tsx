import { Alert } from '@/components/ui/alert';
import { Timestamp } from '@/components/ui/timestamp';
import type { FlowView } from '@/lib/flows/flow-view';
import { formatRunRetention } from '@/lib/runs/run-retention';
import { DEFAULT_RUN_TIMEOUT_SECONDS } from '@/lib/runs/run-timeout';

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{term}</dt>
      <dd className="mt-0.5 text-sm break-words text-slate-900">{children}</dd>
    </div>
  );
}

/** The connection's settings as saved, and who changed them last. */
export function ConnectionSettings({ flow }: { flow: FlowView }) {
  return (
    <section aria-labelledby="settings-title" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="settings-title" className="text-base font-semibold text-slate-900">
        Settings
      </h2>
      {flow.trustWarning ? <Alert tone="warning">{flow.trustWarning}</Alert> : null}
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Item term="URI">
          <span className="font-mono text-xs break-all">{flow.queueUrl}</span>
        </Item>
        <Item term="Role ARN">
          <span className="font-mono text-xs break-all">{flow.roleArn}</span>
        </Item>
        <Item term="Algorithm">
          <span className="font-mono text-xs">{flow.algorithmPath}</span>
          {flow.version ? null : <span className="text-xs text-slate-500"> · latest version at each message</span>}
        </Item>
        <Item term="Timeout">{flow.timeoutSeconds ? `${flow.timeoutSeconds} s` : `Default (${DEFAULT_RUN_TIMEOUT_SECONDS} s)`}</Item>
        <Item term="Maximum concurrency">{flow.maxConcurrency ?? 'Platform default'}</Item>
        <Item term="Maximum attempts">{flow.maxAttempts ?? 'Platform default'}</Item>
        <Item term="Keep finished runs for">{flow.runRetentionHours ? formatRunRetention(flow.runRetentionHours) : 'Platform default'}</Item>
        <Item term="Message filters">
          {flow.filters?.length ? (
            <ul className="space-y-1">
              {flow.filters.map((pattern, index) => (
                <li key={index}>
                  <code className="font-mono text-xs break-all">{JSON.stringify(pattern)}</code>
                </li>
              ))}
            </ul>
          ) : (
            'None: every message runs'
          )}
        </Item>
        <Item term="Created">
          <Timestamp iso={flow.createdAt} />
        </Item>
      </dl>
      {flow.editedAt ? (
        <p className="text-xs text-slate-600">
          Edited by <strong>{flow.editedBy ?? 'someone'}</strong> at <Timestamp iso={flow.editedAt} />
        </p>
      ) : null}
    </section>
  );
}
