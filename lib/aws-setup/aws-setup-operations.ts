import { z } from 'zod';
import type { ApiOperation } from '@/lib/openapi/api-operation';
import { CLOUDFORMATION_TEMPLATE_FILENAME } from './cloudformation-template';

export const awsSetupOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/aws-setup/template',
    tag: 'AWS setup',
    summary: 'Download the CloudFormation template',
    description: `${CLOUDFORMATION_TEMPLATE_FILENAME}: a queue, its DLQ and a role that trusts the platform's account only with your external ID (the defaults of PlatformAccountNumber and ExternalId are filled in).`,
    auth: 'session',
    answers: { 200: { description: 'The template (a download).', schema: z.string(), contentType: 'application/yaml' } },
  },
];
