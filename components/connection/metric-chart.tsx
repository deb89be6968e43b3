'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MetricsPoint } from '@/lib/flow-metrics/get-flow-metrics';

export interface ChartSeries {
  key: keyof MetricsPoint;
  label: string;
  color: string;
}

interface MetricChartProps {
  title: string;
  /** The y axis' label, e.g. "Messages per minute". */
  unit: string;
  points: MetricsPoint[];
  series: ChartSeries[];
  /** What the chart says when it has nothing to draw. */
  empty: string;
  /** Queue samples have gaps where nobody read the queue; counts are 0 where nothing happened. */
  connectGaps?: boolean;
}

const timeOf = (iso: string) => `${iso.slice(11, 16)}`;

/** One labelled line chart of the connection page: SVG from Recharts, keyboard-navigable, with an empty state in words. */
export function MetricChart({ title, unit, points, series, empty, connectGaps = false }: MetricChartProps) {
  // Counts are 0 where nothing happened; samples and percentiles are null where nothing was measured.
  const hasData = points.some((point) => series.some(({ key }) => typeof point[key] === 'number' && (connectGaps || (point[key] as number) > 0)));
  const summary = series
    .map(({ key, label }) => {
      const values = points.map((point) => point[key]).filter((value): value is number => typeof value === 'number');
      return `${label}: ${connectGaps ? `latest ${values.at(-1) ?? 'not sampled'}` : `total ${values.reduce((sum, v) => sum + v, 0)}`}`;
    })
    .join('; ');
  return (
    <figure className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <figcaption className="mb-2 text-sm font-semibold text-slate-900">{title}</figcaption>
      {hasData ? (
        <div role="img" aria-label={`${title}. ${summary}.`} className="h-60">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={points} margin={{ top: 4, right: 8, bottom: 18, left: 4 }} accessibilityLayer>
              <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
              <XAxis dataKey="at" tickFormatter={timeOf} minTickGap={24} tick={{ fontSize: 11 }} label={{ value: 'Time (UTC)', position: 'insideBottom', offset: -10, fontSize: 11 }} />
              <YAxis allowDecimals={false} width={48} tick={{ fontSize: 11 }} label={{ value: unit, angle: -90, position: 'insideLeft', fontSize: 11, dy: 40 }} />
              <Tooltip labelFormatter={(label) => `${timeOf(String(label))} UTC`} />
              <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 11 }} />
              {series.map(({ key, label, color }) => (
                <Line key={key} type="monotone" dataKey={key} name={label} stroke={color} strokeWidth={2} dot={connectGaps ? { r: 2 } : false} connectNulls={connectGaps} isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      ) : (
        <p className="flex h-60 items-center justify-center rounded-md bg-slate-50 px-4 text-center text-sm text-slate-500">{empty}</p>
      )}
    </figure>
  );
}
