// The algorithm API under autocannon: requests/s with room to spare, then overload with
// the capacity set low, where the excess must be shed with 429. `npx tsx bench/api.ts`
import autocannon from 'autocannon';
import { startPlatform, type BenchPlatform } from './support/platform';
import { heading } from './support/report';

const DURATION_SECONDS = 10;
const CONNECTIONS = 20;

export async function benchApi(): Promise<boolean> {
  heading(`Algorithm API: POST /v1/algo/{owner}/{name}?output=void, ${CONNECTIONS} connections × ${DURATION_SECONDS} s`);
  // Each run takes 100 ms at the algorithm, so capacity bounds how many are in flight.
  const platform = await startPlatform({ endpoint: { delayMs: 100 } });
  try {
    const key = platform.apiKey;
    await attack(platform, key, 'room to spare (maxWorkers 1,000,000)'); // warm-up
    const roomy = await attack(platform, key, 'room to spare (maxWorkers 1,000,000)');
    await platform.db.platformSettings.update({ where: { id: 1 }, data: { maxWorkers: 8, userSessionLimit: 8 } });
    const overloaded = await attack(platform, key, 'overload (maxWorkers 8, 100 ms runs ≈ 80 runs/s)');
    console.log(`  shedding: ${overloaded.shed} of ${overloaded.total} answered 429 with Retry-After; ${overloaded.other} other errors`);
    return roomy.other === 0 && overloaded.other === 0;
  } finally {
    await platform.stop();
  }
}

async function attack(platform: BenchPlatform, apiKey: string, label: string) {
  const result = await autocannon({
    url: `${platform.app.url}/v1/algo/${platform.owner.username}/${platform.algorithm.name}?output=void`,
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ bench: true }),
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
  });
  const codes = result.statusCodeStats;
  const ok = codes['200']?.count ?? 0;
  const shed = codes['429']?.count ?? 0;
  const total = Object.values(codes).reduce((sum, code) => sum + (code?.count ?? 0), 0);
  const other = total - ok - shed + result.errors + result.timeouts;
  const { p50, p90, p99 } = result.latency;
  console.log(
    `${label}: ${Math.round(result.requests.average)} req/s (200: ${ok}, 429: ${shed}, other: ${other}); latency p50 ${p50} ms  p90 ${p90} ms  p99 ${p99} ms`,
  );
  return { ok, shed, other, total };
}

if (import.meta.url === `file://${process.argv[1]}`) await benchApi();
