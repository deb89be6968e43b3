import { isStoreFileExampleUrl, STORE_FILE_SAMPLE_BODY } from '@/examples/store-file/example-endpoint';
import { z } from 'zod';
import type { Db } from '@/lib/db/client';

/** What Send test message needs to know of a connection before anything is sent. */
export const testMessageContextSchema = z.object({
  enabled: z.boolean().describe('false: paused, so a message waits in the queue until the connection is resumed.'),
  sampleBody: z.string().nullable().describe("The guide's sample body, when the version the connection runs is the built-in store-file example."),
});

export type TestMessageContext = z.infer<typeof testMessageContextSchema>;

/** For a flow the caller may operate on: its pause state, and a body to start from. */
export async function getTestMessageContext(db: Db, flow: { algorithmId: string; version: string | null; enabled: boolean }): Promise<TestMessageContext> {
  // The version a message would run: the flow's own, else the latest published.
  const version = await db.algorithmVersion.findFirst({
    where: { algorithmId: flow.algorithmId, ...(flow.version ? { version: flow.version } : {}) },
    orderBy: { createdAt: 'desc' },
    select: { endpointUrl: true },
  });
  return { enabled: flow.enabled, sampleBody: version && isStoreFileExampleUrl(version.endpointUrl) ? STORE_FILE_SAMPLE_BODY : null };
}
