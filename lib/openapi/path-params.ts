import { z } from 'zod';

// The path parameters the operations share, described once.

export const algorithmParams = z.object({
  owner: z.string().describe("The algorithm's owner (a username)."),
  name: z.string().describe("The algorithm's name."),
});

export const flowParams = z.object({ id: z.string().describe("The connection's id (an event flow).") });

export const runParams = z.object({ runId: z.string().describe("The run's id.") });
