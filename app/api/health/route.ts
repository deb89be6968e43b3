import { NextResponse } from 'next/server';
import { db } from '@/lib/db/client';
import type { HealthAnswer } from '@/lib/http/health-answer';

export const dynamic = 'force-dynamic';

/** Liveness and database reachability, for `npm start` and load balancers. */
export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
    return NextResponse.json<HealthAnswer>({ status: 'ok' });
  } catch {
    return NextResponse.json<HealthAnswer>({ status: 'database unreachable' }, { status: 503 });
  }
}
