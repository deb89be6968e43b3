import { flowRoutes } from '../flow-routes';

export const dynamic = 'force-dynamic';

// Legacy event listeners: the same fields as broker connections; the worker treats both alike.
const routes = flowRoutes('LISTENER');
export const GET = routes.GET;
export const POST = routes.POST;
