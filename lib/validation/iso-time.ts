import { z } from 'zod';

/** A time in an API answer: dates travel as ISO 8601 strings, so fetched and server-rendered data look the same. */
export const isoTimeSchema = z.string().describe('An ISO 8601 time, e.g. 2026-12-02T16:37:00.000Z');
