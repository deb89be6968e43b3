import { ConnectionNotFound } from '../connection-not-found';

// A missing connection: its [flowId] layout finds none.
export default ConnectionNotFound;
