import { z } from 'zod';

/** PATCH /api/v1/flows/{id}: pause with enabled false, resume with enabled true. */
export const flowChangeInput = z.object({
  enabled: z.boolean({ error: 'Send "enabled": false to pause or true to resume' }),
});
