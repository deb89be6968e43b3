import { NextResponse } from 'next/server';
import { localModeOnly } from '@/lib/http/local-mode-only';

/** The demo algorithm's endpoint (local mode only): it returns its input. */
export const POST = localModeOnly(async (request) => {
  const body = await request.text();
  try {
    return NextResponse.json(JSON.parse(body));
  } catch {
    return NextResponse.json(body);
  }
});
