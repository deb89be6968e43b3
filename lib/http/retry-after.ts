/** A Retry-After header in ms: seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMsOf(header: string | null): number | undefined {
  if (!header) return undefined;
  const ms = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}
