import { connectionMetadata, connectionPage } from '../../connection-route';

export const dynamic = 'force-dynamic';
export const generateMetadata = connectionMetadata('LISTENER');
export default connectionPage('LISTENER');
