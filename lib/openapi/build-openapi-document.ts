import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { toRouteConfig } from './api-operation';
import { API_OPERATIONS } from './api-operations';

const TAGS = [
  { name: 'Sign-in', description: 'Sessions for the JSON API (better-auth, email and password).' },
  { name: 'Algorithms', description: 'Your algorithms and their published versions.' },
  { name: 'Connections', description: 'Broker connections and event listeners: an algorithm subscribed to an SQS queue.' },
  { name: 'Connection page', description: 'A connection’s messages, charts, queue, tests and dead letters.' },
  { name: 'Runs', description: 'Executions of algorithm versions, and replaying dead ones.' },
  { name: 'Hosted data', description: 'Your data collections (the files themselves: Data API).' },
  { name: 'API keys', description: 'Personal keys for the algorithm and data APIs.' },
  { name: 'AWS setup', description: 'Your external ID and the CloudFormation template.' },
  { name: 'Admin', description: 'Admins only: every queue, and the platform settings.' },
  { name: 'Algorithm API', description: 'Run an algorithm with an API key (the paths Algorithmia’s clients use).' },
  { name: 'Data API', description: 'Files of hosted collections, with an API key or a run’s data token.' },
  { name: 'Flow entry (worker)', description: 'The worker’s call for each received SQS batch: the delivery contract.' },
  { name: 'Platform', description: 'Health and this document.' },
  { name: 'Examples', description: 'Example algorithm endpoints served in local mode.' },
];

const DESCRIPTION = `Event Flows connects algorithms to Amazon SQS queues: every message published to a queue runs the algorithm with the message body as its input.

Four ways to authenticate, by API:
- **JSON API** (\`/api/v1/**\`, what the web app's screens use): the session cookie from \`POST /api/auth/sign-in/email\`; changes must come from the app's own origin.
- **Algorithm API** (\`/v1/algo/**\`): a personal API key, \`Authorization: Simple <key>\` or \`Bearer <key>\`.
- **Data API** (\`/v1/data/**\`): an API key, or the data token the platform gives each run (\`Authorization: Bearer <token>\`).
- **Flow entry** (\`/v1/event-flows/**\`): the worker's token, \`Authorization: Worker <token>\`.

Errors have one body, \`{"error": {"code", "message", "fieldErrors"?}}\`, except the algorithm API's failed runs and better-auth's own answers. The guides: docs/json-api.md, docs/algorithm-api.md, docs/data-api.md and docs/delivery.md in the repository.`;

/**
 * The OpenAPI 3.1 document of every route, from the operations and their Zod schemas.
 * A schema with `.meta({ id })` (Flow, Run, Error, …) becomes a named component.
 */
export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'better-auth.session_token',
    description: 'The session cookie set by POST /api/auth/sign-in/email (named with the __Secure- prefix when APP_URL is https).',
  });
  registry.registerComponent('securitySchemes', 'apiKey', {
    type: 'apiKey',
    in: 'header',
    name: 'Authorization',
    description: 'A personal API key (API keys page): `Simple <key>` or `Bearer <key>`.',
  });
  registry.registerComponent('securitySchemes', 'dataToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'The data token the platform sends to an algorithm’s endpoint with each run: its owner’s collections only, until the run’s timeout plus 60 s.',
  });
  registry.registerComponent('securitySchemes', 'workerToken', {
    type: 'apiKey',
    in: 'header',
    name: 'Authorization',
    description: "`Worker <token>`: the platform's worker only (derived from BETTER_AUTH_SECRET).",
  });
  for (const operation of API_OPERATIONS) registry.registerPath(toRouteConfig(operation));
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Event Flows API', version: '0.1.0', description: DESCRIPTION },
    tags: TAGS,
  });
}
