'use client';

import { Line, LineChart } from 'recharts';

/** A row's DLQ depth over the last hour, as a tiny line (SVG); its label says it in words. */
export function DlqSparkline({ series }: { series: Array<number | null> }) {
  const sampled = series.filter((value): value is number => value !== null);
  if (sampled.length < 2) return <span className="text-xs text-slate-400">no history yet</span>;
  const label = `DLQ depth over the last hour: from ${sampled[0]} to ${sampled.at(-1)}, at most ${Math.max(...sampled)}`;
  return (
    <span role="img" aria-label={label} title={label} className="inline-block">
      <LineChart width={96} height={24} data={series.map((depth, minute) => ({ minute, depth }))} margin={{ top: 2, right: 2, bottom: 2, left: 2 }} accessibilityLayer={false}>
        <Line type="monotone" dataKey="depth" stroke="#dc2626" strokeWidth={1.5} dot={false} connectNulls isAnimationActive={false} />
      </LineChart>
    </span>
  );
}
