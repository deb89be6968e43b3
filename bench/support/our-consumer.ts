import type { BenchPlatform } from './platform';
import type { RunningConsumer } from './reference-consumers';

/** Our worker as a consumer for measureThroughput: flows on the queues; progress = accepted runs. */
export async function startOurConsumer(platform: BenchPlatform, queueUrls: string[]): Promise<RunningConsumer> {
  const flowIds = await platform.connect(queueUrls);
  let accepted = 0;
  let polling = true;
  const poll = (async () => {
    while (polling) {
      accepted = await platform.acceptedRuns(flowIds);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  return {
    processed: () => accepted,
    async stop() {
      polling = false;
      await poll;
      // Paused, so that the next rounds do not share the worker with idle consumers.
      await platform.db.eventFlow.updateMany({ where: { id: { in: flowIds } }, data: { enabled: false } });
      await platform.announce();
    },
  };
}
