import { connectionMetadata, messageTracePage } from '../../../../connection-route';

export const dynamic = 'force-dynamic';
export const generateMetadata = connectionMetadata('LISTENER');
export default messageTracePage('LISTENER');
