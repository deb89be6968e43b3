// Printing helpers shared by the benchmark scripts.

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Prints "target met / NOT met" for one target and returns whether it was met. */
export function target(description: string, met: boolean, actual: string): boolean {
  console.log(`  target ${met ? 'met    ' : 'NOT met'}: ${description} (${actual})`);
  return met;
}

export function heading(title: string): void {
  console.log(`\n== ${title} ==`);
}

/** CPU milliseconds per message of each process, and their total. */
export function printCpuPerMessage(cpuMs: Record<string, number>, messages: number): void {
  const total = Object.values(cpuMs).reduce((sum, ms) => sum + ms, 0);
  const parts = Object.entries(cpuMs).map(([name, ms]) => `${name} ${(ms / messages).toFixed(2)}`);
  console.log(`    CPU ms/msg: ${parts.join(', ')}; total ${(total / messages).toFixed(2)}`);
}
