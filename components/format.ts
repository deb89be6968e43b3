// Display formats shared by server and client components: the same text on both sides
// (no locale or time zone of the browser), so hydration never disagrees.

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** The one absolute format: UTC to the second, "2026-12-07 14:03:22 UTC". */
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 19).replace('T', ' ')} UTC`;
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

/** "3 minutes ago", "in 2 hours", "less than a minute ago"; past 30 days the UTC date. */
export function formatRelative(iso: string, now: number): string {
  const offset = new Date(iso).getTime() - now;
  const distance = Math.abs(offset);
  if (distance >= 30 * 86_400_000) return iso.slice(0, 10);
  for (const [unit, ms] of UNITS) {
    if (distance >= ms) return relative.format(Math.trunc(offset / ms), unit);
  }
  return offset > 0 ? 'in less than a minute' : 'less than a minute ago';
}

/** "1 run", "311 runs", "more than 10,000 runs": a paged list's total in words. */
export function formatTotal(total: number, totalIsExact: boolean, noun: string, plural = `${noun}s`): string {
  const count = total.toLocaleString('en');
  return `${totalIsExact ? '' : 'more than '}${count} ${total === 1 && totalIsExact ? noun : plural}`;
}
