'use client';

import { useSyncExternalStore } from 'react';
import { formatRelative, formatUtc } from '@/components/format';

// One date format everywhere: relative ("3 minutes ago") with the absolute UTC time on
// hover, or with `precise` the absolute UTC time to the second, where events are close
// together (traces, attempts, a run's timings).

const TICK_MS = 15_000;

function subscribe(onTick: () => void): () => void {
  const timer = setInterval(onTick, TICK_MS);
  return () => clearInterval(timer);
}

/** Now, to the tick; null while rendering on the server and hydrating (so both render the same text). */
function useNow(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => Math.floor(Date.now() / TICK_MS) * TICK_MS,
    () => null,
  );
}

export function Timestamp({ iso, precise = false }: { iso: string; precise?: boolean }) {
  const now = useNow();
  const absolute = formatUtc(iso);
  return (
    <time dateTime={iso} title={absolute} className="whitespace-nowrap">
      {precise || now === null ? absolute : formatRelative(iso, now)}
    </time>
  );
}
