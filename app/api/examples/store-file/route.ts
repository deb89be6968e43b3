import { handleStoreFile } from '@/examples/store-file/handler';
import { localModeOnly } from '@/lib/http/local-mode-only';
import { platformRunContext } from '@/lib/runs/run-context';

export const dynamic = 'force-dynamic';

/** The store-file example algorithm's endpoint, served in local mode only, writing through this app's own data API. */
export const POST = localModeOnly((request) => handleStoreFile(request, platformRunContext().dataApiUrl));
