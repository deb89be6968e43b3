import { z } from 'zod';
import { versionProblem } from './semver';

// What users type to create an algorithm and publish a version; the forms and the API
// both validate with these.

export const versionSchema = z
  .string({ error: 'Enter a version' })
  .trim()
  .superRefine((version, ctx) => {
    const problem = versionProblem(version);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const createAlgorithmInput = z.object({
  name: z
    .string({ error: 'Give the algorithm a name' })
    .trim()
    .min(1, 'Give the algorithm a name')
    .max(64, 'At most 64 characters')
    .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'Start with a letter; then letters, digits, "-" and "_"'),
  description: z.string().trim().max(500, 'At most 500 characters').default(''),
});

export const publishVersionInput = z.object({
  version: versionSchema,
  endpointUrl: z.url({ protocol: /^https?$/, error: 'Enter the http:// or https:// URL that runs this version' }).max(2048),
});

export type CreateAlgorithmInput = z.input<typeof createAlgorithmInput>;
export type PublishVersionInput = z.input<typeof publishVersionInput>;
