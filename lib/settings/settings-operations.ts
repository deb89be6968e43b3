import { z } from 'zod';
import type { ApiOperation } from '@/lib/openapi/api-operation';
import { platformSettingsSchema } from './get-platform-settings';
import { platformSettingsInput } from './update-platform-settings';

const tag = 'Admin';
const settingsAnswer = z.object({ settings: platformSettingsSchema });

export const settingsOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/admin/settings',
    tag,
    summary: 'Platform settings',
    description: 'Until an admin saves them, the environment’s defaults (MAX_WORKERS, USER_SESSION_LIMIT, …).',
    auth: 'session',
    answers: { 200: { description: 'The settings in force.', schema: settingsAnswer } },
    errors: { 403: 'Not an admin.' },
  },
  {
    method: 'put',
    path: '/api/v1/admin/settings',
    tag,
    summary: 'Change platform settings',
    description: 'A field left out keeps its value. Applies to every process: the executor reads the settings with every claim.',
    auth: 'session',
    body: { schema: platformSettingsInput.partial(), example: { maxWorkers: 16, userSessionLimit: 4 } },
    answers: { 200: { description: 'The settings as saved.', schema: settingsAnswer } },
    errors: { 400: 'Invalid values (fieldErrors).', 403: 'Not an admin.' },
  },
];
