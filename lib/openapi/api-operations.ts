import { adminOperations } from '@/lib/admin/admin-operations';
import { algoApiOperations } from '@/lib/algo-api/algo-api-operations';
import { algorithmOperations } from '@/lib/algorithms/algorithm-operations';
import { apiKeyOperations } from '@/lib/api-keys/api-key-operations';
import { authOperations } from '@/lib/auth/auth-operations';
import { awsSetupOperations } from '@/lib/aws-setup/aws-setup-operations';
import { connectionCheckOperations } from '@/lib/connection-checks/connection-check-operations';
import { dataOperations } from '@/lib/data/data-operations';
import { externalIdOperations } from '@/lib/external-ids/external-id-operations';
import { flowMessageOperations } from '@/lib/flow-messages/flow-message-operations';
import { flowMetricOperations } from '@/lib/flow-metrics/flow-metric-operations';
import { flowOperations } from '@/lib/flows/flow-operations';
import { redriveOperations } from '@/lib/redrive/redrive-operations';
import { runOperations } from '@/lib/runs/run-operations';
import { settingsOperations } from '@/lib/settings/settings-operations';
import type { ApiOperation } from './api-operation';
import { platformOperations } from './platform-operations';

/** Every operation of the document, domain by domain: a new domain's list goes here. */
export const API_OPERATIONS: readonly ApiOperation[] = [
  ...authOperations,
  ...algorithmOperations,
  ...flowOperations,
  ...connectionCheckOperations,
  ...flowMessageOperations,
  ...flowMetricOperations,
  ...redriveOperations,
  ...runOperations,
  ...dataOperations,
  ...apiKeyOperations,
  ...externalIdOperations,
  ...awsSetupOperations,
  ...adminOperations,
  ...settingsOperations,
  ...algoApiOperations,
  ...platformOperations,
];
