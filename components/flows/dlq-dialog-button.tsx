'use client';

import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { DlqPeek } from './dlq-peek';
import { RedrivePanel } from './redrive-panel';

/**
 * A flow's dead-letter queue in a dialog: redrive and peek. For the admin view and the
 * Events tab's rows. Redrive acts with the flow's role: its owner's alone (`canRedrive`).
 */
export function DlqDialogButton({ flowId, queueName, dlqName, canRedrive = true }: { flowId: string; queueName: string; dlqName?: string; canRedrive?: boolean }) {
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={`Dead-letter queue of ${queueName}`}>
          DLQ
        </Button>
      </DialogTrigger>
      <DialogContent title="Dead-letter queue" description={dlqName ? `${dlqName}, the DLQ of ${queueName}` : `The DLQ of ${queueName}`}>
        <div className="space-y-6">
          {canRedrive ? <RedrivePanel flowId={flowId} queueName={queueName} /> : <p className="text-sm text-slate-600">Only the connection’s owner can move these messages back to the queue.</p>}
          <DlqPeek flowId={flowId} />
        </div>
      </DialogContent>
    </Dialog>
  );
}
