import { NextResponse } from 'next/server';
import { z } from 'zod';
import type { ReplayResult } from './requeue-dead-runs';

/** What the replay routes answer: how many runs went back to the queue, how many did not fit, and why. */
export const replayAnswerSchema = z.object({
  replayed: z.number().int().describe('How many runs went back to the queue.'),
  refused: z.number().int().describe('Dead runs that did not fit the queue limits: they stay dead.'),
  message: z.string().optional().describe('With `refused`: the queue limit that refused them, in plain words.'),
  retryAfterSeconds: z.number().int().optional(),
});

export type ReplayAnswer = z.infer<typeof replayAnswerSchema>;

/**
 * 200 with the answer, or 429 with a Retry-After when dead runs were refused and none
 * replayed (the body then carries the refusal as its error too, as every 429 does).
 */
export function replayAnswer({ replayedRunIds, refused, refusal, retryAfterSeconds }: ReplayResult): NextResponse {
  const answer: ReplayAnswer = { replayed: replayedRunIds.length, refused, ...(refusal ? { message: refusal, retryAfterSeconds } : {}) };
  if (answer.replayed > 0 || !refusal) return NextResponse.json(answer);
  return NextResponse.json(
    { ...answer, error: { code: 'TOO_MANY_REQUESTS', message: refusal } },
    { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } },
  );
}
