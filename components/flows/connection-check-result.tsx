import { Alert } from '@/components/ui/alert';
import type { ConnectionCheck } from '@/lib/connection-checks/check-queue-connection';

/** What a connection test found, in plain words. */
export function ConnectionCheckResult({ check }: { check: ConnectionCheck }) {
  if (!check.ok) return <Alert>{check.problem.message}</Alert>;
  const how = check.local ? 'Local mode: the platform read the queue with the emulator’s credentials (no role assumed).' : 'The platform assumed the role and read the queue.';
  return (
    <div className="space-y-2 text-left">
      <Alert tone="success">
        Connected. {how} {check.messages.visible} message{check.messages.visible === 1 ? '' : 's'} waiting.
      </Alert>
      {check.warnings.map((warning) => (
        <Alert key={warning} tone="warning">
          {warning}
        </Alert>
      ))}
    </div>
  );
}
