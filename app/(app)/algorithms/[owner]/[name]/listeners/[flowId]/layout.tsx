import { connectionLayout } from '../../connection-route';

export default connectionLayout('LISTENER');
