import { connectionMetadata, connectionPage } from '../../connection-route';

export const dynamic = 'force-dynamic';
export const generateMetadata = connectionMetadata('BROKER');
export default connectionPage('BROKER');
