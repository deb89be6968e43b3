// What local mode seeds, so that one can sign in and connect a queue at once.
export const DEMO_LOGIN = { email: 'demo@eventflows.local', password: 'eventflows-demo', username: 'demo' };
export const DEMO_ALGORITHM = { name: 'echo', description: 'Returns its input. A demo algorithm served by the web app.', version: '1.0.0' };
export const DEMO_STORE_FILE = {
  name: 'store-file',
  description: 'Writes input.data to data://demo/event_output_directory/<input.filename>, like the guide’s example.',
  version: '0.1.0',
  collection: 'event_output_directory',
};
