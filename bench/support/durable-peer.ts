import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import type { BenchEndpoint } from './algorithm-endpoint';
import type { RunningConsumer } from './reference-consumers';

// The durable peer (bench/support/durable-peer-process.ts) in a process of its own, so its
// CPU per message is measured like our worker's.

export interface DurablePeer {
  pid: number;
  /** Consumes the queues until stopped; processed = the endpoint's calls since it started. */
  consume(queueUrls: string[]): Promise<RunningConsumer>;
  stop(): Promise<void>;
}

export async function startDurablePeer(options: { databaseUrl: string; sqsEndpoint: string; endpoint: BenchEndpoint }): Promise<DurablePeer> {
  const child = fork(path.join(import.meta.dirname, 'durable-peer-process.ts'), {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, DATABASE_URL: options.databaseUrl, SQS_ENDPOINT: options.sqsEndpoint, ENDPOINT_URL: options.endpoint.url },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await answer(child, 'started');
  return {
    pid: child.pid!,
    async consume(queueUrls) {
      const callsBefore = options.endpoint.calls();
      child.send({ consume: queueUrls });
      await answer(child, 'ready');
      return {
        processed: () => options.endpoint.calls() - callsBefore,
        async stop() {
          child.send({ stop: true });
          await answer(child, 'stopped');
        },
      };
    },
    async stop() {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

// The listeners go with the answer (aborted), so rounds do not pile them up on the child.
async function answer(child: ChildProcess, expected: string): Promise<void> {
  const answered = new AbortController();
  const exited = once(child, 'exit', { signal: answered.signal }).then(([code]) => {
    throw new Error(`the durable peer exited with ${code}`);
  });
  try {
    for (;;) {
      const [message] = await Promise.race([once(child, 'message', { signal: answered.signal }), exited]);
      if (message === expected) return;
    }
  } finally {
    answered.abort();
  }
}
