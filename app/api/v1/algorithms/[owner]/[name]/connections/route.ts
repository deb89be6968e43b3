import { flowRoutes } from '../flow-routes';

export const dynamic = 'force-dynamic';

// Broker connections: { queueUrl, roleArn, version?, timeoutSeconds? } (the external ID is the owner's, set by the platform).
const routes = flowRoutes('BROKER');
export const GET = routes.GET;
export const POST = routes.POST;
