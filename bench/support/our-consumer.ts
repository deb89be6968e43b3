import type { BenchPlatform } from './platform';
import { createQueue } from './queues';
import type { RunningConsumer } from './reference-consumers';

/**
 * Our worker as a consumer for measureThroughput: flows on the queues. Processed = runs
 * SUCCEEDED at the algorithm endpoint (what a user waits for), or with `destination` each
 * result sent to the flow's on-success queue; admitted = runs accepted (each one message
 * answered 200 and deleted), timed from the runs' own admission times.
 */
export async function startOurConsumer(platform: BenchPlatform, queueUrls: string[], { destination = false } = {}): Promise<RunningConsumer> {
  const onSuccessQueueUrls = destination ? await Promise.all(queueUrls.map(() => createQueue(platform.sqs, 'bench-out'))) : undefined;
  const flowIds = await platform.connect(queueUrls, { onSuccessQueueUrls });
  let done = 0;
  let polling = true;
  const poll = (async () => {
    while (polling) {
      done = await platform.runsDone(flowIds, { destination });
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  return {
    processed: () => done,
    lastAdmittedAt: () => platform.lastAdmittedAt(flowIds),
    async stop() {
      polling = false;
      await poll;
      // Paused, so that the next rounds do not share the worker with idle consumers.
      await platform.db.eventFlow.updateMany({ where: { id: { in: flowIds } }, data: { enabled: false } });
      await platform.announce();
    },
  };
}
