import { handleStoreFile } from '@/examples/store-file/handler';
import { MAX_ALGO_INPUT_BYTES } from '@/lib/algo-api/run-algorithm';
import { localModeOnly } from '@/lib/http/local-mode-only';
import { withLimitedBody } from '@/lib/http/with-limited-body';
import { platformRunContext } from '@/lib/runs/run-context';

export const dynamic = 'force-dynamic';

/** The store-file example algorithm's endpoint, served in local mode only, writing through this app's own data API. */
export const POST = localModeOnly(async (request) => handleStoreFile(await withLimitedBody(request, MAX_ALGO_INPUT_BYTES, 'The input'), platformRunContext().dataApiUrl));
