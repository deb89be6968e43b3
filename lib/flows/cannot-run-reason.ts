import type { FlowToRun } from '@/lib/flow-messages/read-flow-to-run';

/**
 * Why a flow's messages cannot run (it is missing or paused, or has no version to run: no
 * `versionId`), in the words its status shows: the flow entry answers it with 404 and the
 * worker writes it as the flow's error. Reasons that do not pass by themselves: someone has
 * to publish a version, edit the connection or resume it.
 */
export function cannotRunReason(flow: Pick<FlowToRun, 'version'> | undefined): string {
  if (!flow) return 'This connection is paused or was deleted.';
  if (flow.version) {
    return `Version ${flow.version} of the algorithm is not published (was it deleted?): edit the connection to run another version, or publish ${flow.version} again. Messages wait in the queue.`;
  }
  return 'The algorithm has no published version: publish one on its Overview tab. Messages wait in the queue.';
}
