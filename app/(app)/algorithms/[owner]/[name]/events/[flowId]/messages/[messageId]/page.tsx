import { connectionMetadata, messageTracePage } from '../../../../connection-route';

export const dynamic = 'force-dynamic';
export const generateMetadata = connectionMetadata('BROKER');
export default messageTracePage('BROKER');
