import { MessageNotFound } from '../../../../connection-not-found';

export default MessageNotFound;
