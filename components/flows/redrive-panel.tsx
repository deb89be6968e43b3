'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useConnectionQueue } from '@/components/connection/use-connection';
import { fetchJson } from '@/lib/http/fetch-json';
import type { RedriveMethod, RedriveStatus, RedriveTask } from '@/lib/redrive/redrive-task';

interface RedriveTasks {
  method: RedriveMethod;
  tasks: RedriveTask[];
}
interface StartedRedrive {
  method: RedriveMethod;
  task: RedriveTask;
}

const STATUS_TONES: Record<RedriveStatus, BadgeTone> = { RUNNING: 'blue', COMPLETED: 'green', CANCELLING: 'amber', CANCELLED: 'slate', FAILED: 'red' };
const isActive = (task: RedriveTask) => task.status === 'RUNNING' || task.status === 'CANCELLING';

function TaskProgress({ task }: { task: RedriveTask }) {
  return (
    <div className="space-y-2 rounded-md bg-slate-50 px-3 py-2 text-sm" role="status">
      <div className="flex items-center justify-between gap-2">
        <span>
          Moved {task.moved} of {task.toMove ?? '…'} message{task.toMove === 1 ? '' : 's'}
        </span>
        <Badge tone={STATUS_TONES[task.status]}>{task.status}</Badge>
      </div>
      {task.toMove ? <progress className="w-full" value={task.moved} max={task.toMove} /> : null}
      {task.failureReason ? <p className="text-xs text-red-700">{task.failureReason}</p> : null}
    </div>
  );
}

/** "3 messages", or "every message" when the DLQ could not be counted. */
function messagesWord(depth: number | null): string {
  if (depth === null) return 'every message';
  return `${depth} message${depth === 1 ? '' : 's'}`;
}

/**
 * Moves a flow's DLQ messages back to its queue (its owner), after saying how many and
 * asking; then shows the move's progress.
 */
export function RedrivePanel({ flowId, queueName }: { flowId: string; queueName: string }) {
  const queryClient = useQueryClient();
  const url = `/api/v1/flows/${flowId}/redrive`;
  const tasks = useQuery({
    queryKey: ['flows', flowId, 'redrive'],
    queryFn: () => fetchJson<RedriveTasks>(url),
    // SQS moves the messages on its own: follow a running task closely.
    refetchInterval: (query) => (query.state.data?.tasks.some(isActive) ? 2_000 : false),
  });
  const start = useMutation({
    mutationFn: () => fetchJson<StartedRedrive>(url, { method: 'POST' }),
    // Every count on the page (DLQ depth, queue depth) has changed.
    onSuccess: () => queryClient.invalidateQueries(),
  });
  const latest = tasks.data?.tasks[0] ?? start.data?.task;
  const running = latest ? isActive(latest) : false;
  // The DLQ's depth now, read as the connection's role (every message: visible, in flight, delayed).
  const queue = useConnectionQueue(flowId);
  const dlq = queue.data?.dlq;
  const depth = dlq?.ok ? dlq.depth : null;
  const words = messagesWord(depth);
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        Redrive moves every message of the dead-letter queue back to the queue, where the worker receives it again. Fix what made them fail first.
      </p>
      {depth === 0 && !running ? (
        <p className="text-sm font-medium text-slate-700">The dead-letter queue is empty: nothing to move.</p>
      ) : (
        <ConfirmDialog
          trigger={<Button disabled={start.isPending || running || queue.isPending}>{`Move ${words} back to the queue`}</Button>}
          title={`Move ${words} back to ${queueName}?`}
          description={
            <>
              {depth === null ? 'The dead-letter queue could not be counted just now. ' : null}
              They leave the dead-letter queue and the worker receives them again, each as a new delivery that runs the algorithm. Fix what made them
              fail first.
            </>
          }
          confirmLabel={depth === null ? 'Move them' : `Move ${words}`}
          pendingLabel="Starting…"
          confirmVariant="primary"
          onConfirm={() => start.mutateAsync()}
        />
      )}
      {start.isError ? <Alert>Could not start the redrive: {start.error.message}</Alert> : null}
      {tasks.isError ? <Alert>Could not read the redrive tasks: {tasks.error.message}</Alert> : null}
      {latest ? <TaskProgress task={latest} /> : null}
      {tasks.data?.method === 'direct' ? (
        <p className="text-xs text-slate-500">Local mode: the SQS emulator has no message move tasks, so the platform moves the messages itself.</p>
      ) : null}
    </div>
  );
}
