import { z } from 'zod';
import { isoTimeSchema } from '@/lib/validation/iso-time';
import type { OwnedAlgorithm } from './get-algorithm-for-owner';
import type { listAlgorithms } from './list-algorithms';
import { formatAlgorithmPath } from './algorithm-path';

// What the API shows of an algorithm: its path, description and versions (newest first).

export const algorithmVersionViewSchema = z.object({
  version: z.string().describe('A semantic version, e.g. 0.1.0.'),
  endpointUrl: z.string().describe('The URL the platform POSTs each input to.'),
  createdAt: isoTimeSchema,
}).meta({ id: 'AlgorithmVersion' });

export const algorithmViewSchema = z.object({
  owner: z.string(),
  name: z.string(),
  description: z.string(),
  endpoint: z.string().describe('`owner/name/<latest version>`, or `owner/name` before the first version.'),
  latestVersion: z.string().nullable(),
  versions: z.array(algorithmVersionViewSchema).describe('Newest first.'),
  createdAt: isoTimeSchema,
}).meta({ id: 'Algorithm' });

/** A row of the caller's algorithms (Home). */
export const algorithmListItemSchema = z.object({
  owner: z.string(),
  name: z.string(),
  description: z.string(),
  latestVersion: z.string().nullable(),
  eventFlowCount: z.number().int().describe('Its broker connections and event listeners.'),
  createdAt: isoTimeSchema,
}).meta({ id: 'AlgorithmListItem' });

export type AlgorithmVersionView = z.infer<typeof algorithmVersionViewSchema>;
export type AlgorithmView = z.infer<typeof algorithmViewSchema>;
export type AlgorithmListItem = z.infer<typeof algorithmListItemSchema>;

export function toAlgorithmVersionView({ version, endpointUrl, createdAt }: { version: string; endpointUrl: string; createdAt: Date }): AlgorithmVersionView {
  return { version, endpointUrl, createdAt: createdAt.toISOString() };
}

export function toAlgorithmView(algorithm: OwnedAlgorithm): AlgorithmView {
  const latestVersion = algorithm.versions[0]?.version ?? null;
  const owner = algorithm.owner.username;
  return {
    owner,
    name: algorithm.name,
    description: algorithm.description,
    endpoint: formatAlgorithmPath({ owner, name: algorithm.name, version: latestVersion ?? undefined }),
    latestVersion,
    versions: algorithm.versions.map(toAlgorithmVersionView),
    createdAt: algorithm.createdAt.toISOString(),
  };
}

export function toAlgorithmListItem(algorithm: Awaited<ReturnType<typeof listAlgorithms>>[number], owner: string): AlgorithmListItem {
  return {
    owner,
    name: algorithm.name,
    description: algorithm.description,
    latestVersion: algorithm.versions[0]?.version ?? null,
    eventFlowCount: algorithm._count.eventFlows,
    createdAt: algorithm.createdAt.toISOString(),
  };
}
