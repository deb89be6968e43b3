import type { RunStatus } from '@/lib/generated/prisma/client';

/** Runs nobody will run again unless replayed: counted and shown as "dead runs" (EXPIRED like DEAD). */
export const DEAD_RUN_STATUSES = ['DEAD', 'EXPIRED'] as const satisfies readonly RunStatus[];
