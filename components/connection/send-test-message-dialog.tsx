'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger, useDialogTypedValues } from '@/components/ui/dialog';
import { formatBytes } from '@/components/format';
import { STORE_FILE_SAMPLE_BODY } from '@/examples/store-file/example-endpoint';
import { compileFilters } from '@/lib/flow-filters/compile-filters';
import { matchesFilters } from '@/lib/flow-filters/match-filters';
import { MAX_TEST_MESSAGE_BYTES, testMessageInput } from '@/lib/flow-messages/test-message-input';
import type { TestMessageResult } from '@/lib/flow-messages/send-test-message';
import type { TestMessageContext } from '@/lib/flow-messages/test-message-context';
import { ApiError, fetchJson } from '@/lib/http/fetch-json';
import { JsonHighlight } from './json-highlight';
import { SentMessageStatus } from './sent-message-status';
import type { TestMessageTarget } from './test-message-target';

async function send(flowId: string, body: string): Promise<TestMessageResult> {
  const response = await fetch(`/api/v1/flows/${flowId}/test-message`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body }) });
  const answer = (await response.json().catch(() => null)) as (TestMessageResult & { error?: { message: string; fieldErrors?: Record<string, string> } }) | null;
  if (answer?.error) throw new ApiError(response.status, answer.error.message, answer.error.fieldErrors);
  if (!answer) throw new ApiError(response.status, `Request failed (${response.status})`);
  return answer;
}

function parsedJson(body: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Send test message: publishes a body to the connection's queue and follows the run it becomes. */
export function SendTestMessageDialog({ target, triggerLabel }: { target: TestMessageTarget; triggerLabel?: string }) {
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={triggerLabel}>
          Send test message
        </Button>
      </DialogTrigger>
      <DialogContent title="Send test message" description={<>Publishes a message to {target.queueName} with the connection&apos;s own role, then follows the run it becomes.</>}>
        <TestMessageForm target={target} />
      </DialogContent>
    </Dialog>
  );
}

// Mounted while the dialog is open: each opening starts from an empty (or sample) body.
function TestMessageForm({ target }: { target: TestMessageTarget }) {
  const id = useId();
  const typedValues = useDialogTypedValues();
  // null until typed into: then the sample body (for the store-file example) shows instead.
  const [typed, setTyped] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string>();
  const context = useQuery({
    queryKey: ['flows', target.flowId, 'test-message'],
    queryFn: () => fetchJson<TestMessageContext>(`/api/v1/flows/${target.flowId}/test-message`),
    // While paused, look again now and then: resuming elsewhere lets the message run.
    refetchInterval: (query) => (query.state.data?.enabled === false ? 5_000 : false),
  });
  const sending = useMutation({ mutationFn: (text: string) => send(target.flowId, text) });
  const body = typed ?? context.data?.sampleBody ?? '';
  const paused = context.data?.enabled === false;
  const bytes = new TextEncoder().encode(body).length;
  const json = body.trim() ? parsedJson(body) : null;
  const result = sending.data;
  const filtered = body.trim() !== '' && !matchesFilters(compileFilters(target.filters), body);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const checked = testMessageInput.safeParse({ body });
    if (!checked.success) return setFieldError(checked.error.issues[0]?.message);
    setFieldError(undefined);
    sending.mutate(body, {
      onSuccess: (answer) => answer.ok && typedValues.markSaved(),
      onError: (error) => error instanceof ApiError && setFieldError(error.fieldErrors.body),
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      {paused ? (
        <Alert tone="warning">This connection is paused: a message you send waits in the queue until you resume the connection.</Alert>
      ) : null}
      <div className="space-y-1.5">
        <label htmlFor={id} className="block text-xs font-semibold tracking-wide text-slate-600 uppercase">
          Message body
        </label>
        <textarea
          id={id}
          rows={6}
          value={body}
          spellCheck={false}
          onChange={(event) => {
            setTyped(event.target.value);
            setFieldError(undefined);
          }}
          placeholder={STORE_FILE_SAMPLE_BODY}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={`${id}-message`}
          className="block w-full rounded-md border-0 bg-white px-3 py-2 font-mono text-xs text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-brand-500 focus:outline-none"
        />
        {fieldError ? (
          <p id={`${id}-message`} role="alert" className="text-xs text-red-600">
            {fieldError}
          </p>
        ) : (
          <p id={`${id}-message`} className="text-xs text-slate-500">
            {context.data?.sampleBody && typed === null ? 'The guide’s sample message, for the store-file example · ' : null}
            {json === null ? 'JSON or plain text' : json.ok ? 'Valid JSON: the algorithm gets it parsed' : 'Plain text: the algorithm gets it as a string'} ·{' '}
            {formatBytes(bytes)} of {formatBytes(MAX_TEST_MESSAGE_BYTES)}
          </p>
        )}
      </div>
      {json?.ok ? <JsonHighlight value={json.value} /> : null}
      {filtered ? <Alert tone="warning">This body matches none of the connection&apos;s filter patterns: it will be deleted without a run (counted as filtered).</Alert> : null}
      {sending.error && !(sending.error instanceof ApiError && sending.error.fieldErrors.body) ? <Alert>Could not send: {sending.error.message}</Alert> : null}
      {result && !result.ok ? <SendProblem result={result} /> : null}
      {result?.ok ? <SentMessageStatus target={target} messageId={result.messageId} paused={paused} /> : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={sending.isPending}>
          {sending.isPending ? 'Sending…' : 'Send'}
        </Button>
      </div>
    </form>
  );
}

function SendProblem({ result }: { result: Extract<TestMessageResult, { ok: false }> }) {
  return (
    <div className="space-y-2">
      <Alert>{result.problem.message}</Alert>
      {result.policyStatement ? (
        <div className="space-y-1">
          <p className="text-xs text-slate-700">Add this statement to the role&apos;s permission policy, then send again:</p>
          <pre aria-label="Policy statement to add" className="overflow-x-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100">
            {JSON.stringify(result.policyStatement, null, 2)}
          </pre>
        </div>
      ) : null}
    </div>
  );
}
