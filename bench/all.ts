// `npm run bench`: every benchmark in turn, each with its own emulator and database.
import { cpus, loadavg } from 'node:os';
import { benchApi } from './api';
import { benchBurst } from './burst';
import { benchFaults } from './faults';
import { benchHistory } from './history';
import { benchLatency } from './latency';
import { benchScale } from './scale';
import { benchThroughput } from './throughput';

console.log(`date ${new Date().toISOString()}; ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; node ${process.version}; load ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
const results: Array<[string, boolean]> = [];
for (const [name, bench] of [
  ['throughput', benchThroughput],
  ['latency', benchLatency],
  ['scale', benchScale],
  ['faults', benchFaults],
  ['api', benchApi],
  ['burst', benchBurst],
  ['history', benchHistory],
] as const) {
  results.push([name, await bench()]);
}
console.log(`\n== Summary ==\n${results.map(([name, met]) => `${name}: ${met ? 'all targets met' : 'some target NOT met'}`).join('\n')}`);

