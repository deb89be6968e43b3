import { handleStoreFile } from '@/examples/store-file/handler';

export const dynamic = 'force-dynamic';

/** The store-file example algorithm's endpoint (served here so local mode can run it). */
export const POST = handleStoreFile;
