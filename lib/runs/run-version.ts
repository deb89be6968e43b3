/** The version a run ran: its version's string, or the one kept on the run when that version was deleted. */
export function runVersionOf(run: { version: { version: string } | null; deletedVersion: string | null }): string {
  return run.version?.version ?? run.deletedVersion ?? 'a deleted version';
}
