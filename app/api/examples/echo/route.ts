import { NextResponse } from 'next/server';
import { MAX_ALGO_INPUT_BYTES } from '@/lib/algo-api/run-algorithm';
import { localModeOnly } from '@/lib/http/local-mode-only';
import { readLimitedBody } from '@/lib/http/read-limited-body';

/** The demo algorithm's endpoint (local mode only): it returns its input. */
export const POST = localModeOnly(async (request) => {
  const body = (await readLimitedBody(request, MAX_ALGO_INPUT_BYTES, 'The input')).toString('utf8');
  try {
    return NextResponse.json(JSON.parse(body));
  } catch {
    return NextResponse.json(body);
  }
});
