// Set by the web server when SIGTERM arrives, read by the readiness probe: from then on
// the process answers "not ready" so load balancers move away before it stops accepting.
// The server and the app's routes are bundled apart (esbuild, Next), so the flag lives
// on the process rather than in a module's state.
const DRAINING = Symbol.for('event-flows.web.draining');
const processState = globalThis as { [DRAINING]?: boolean };

export function markDraining(): void {
  processState[DRAINING] = true;
}

export function isDraining(): boolean {
  return processState[DRAINING] === true;
}
