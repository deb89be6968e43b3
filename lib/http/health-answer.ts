import { z } from 'zod';

/** GET /api/health: 200 ok while the web app reaches its database, else 503. */
export const healthAnswerSchema = z.object({ status: z.enum(['ok', 'database unreachable']) });

export type HealthAnswer = z.infer<typeof healthAnswerSchema>;
