import { NextResponse } from 'next/server';
import { runAlgorithm } from '@/lib/algo-api/run-algorithm';
import { db } from '@/lib/db/client';
import { errorResponse } from '@/lib/http/json-route';
import { readLimitedBody } from '@/lib/http/read-limited-body';
import { platformRunContext } from '@/lib/runs/run-context';

export const dynamic = 'force-dynamic';

/** The algorithm API (docs/algorithm-api.md). */
export async function POST(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  try {
    const url = new URL(request.url);
    const answer = await runAlgorithm(
      db(),
      {
        segments: (await params).path,
        authorization: request.headers.get('authorization'),
        contentType: request.headers.get('content-type'),
        readBody: (maxBytes) => readLimitedBody(request, maxBytes, 'The input'),
        outputVoid: url.searchParams.get('output') === 'void',
        timeoutParam: url.searchParams.get('timeout'),
      },
      platformRunContext(),
    );
    return NextResponse.json(answer.body, { status: answer.status });
  } catch (error) {
    return errorResponse(error);
  }
}
