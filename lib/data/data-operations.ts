import { z } from 'zod';
import type { ApiOperation } from '@/lib/openapi/api-operation';
import { pageCursorQuerySchema } from '@/lib/pagination/list-page';
import { isoTimeSchema } from '@/lib/validation/iso-time';
import { createCollectionInput } from './collection-input';
import { createdCollectionSchema } from './create-collection';
import { deletedFileAnswerSchema, fileListAnswerSchema, storedFileAnswerSchema } from './data-api-answers';
import { collectionSummarySchema } from './list-collections';
import { MAX_FILE_BYTES } from './file-size-limit';
import { filePreviewPageSchema } from './list-file-previews';

const collectionParams = z.object({
  owner: z.string().describe("The collection's owner (a username): yours, or the algorithm owner's for a data token."),
  collection: z.string().describe("The collection's name."),
});
const fileParams = collectionParams.extend({ path: z.string().describe('The file’s path in the collection; it may contain / (sent as is, not encoded).') });
const collectionNameParams = z.object({ name: z.string().describe("The collection's name.") });
const collectionFileParams = collectionNameParams.extend({ path: z.string().describe('The file’s path in the collection; it may contain / (sent as is, not encoded).') });
const dataErrors = { 400: 'A malformed path.', 404: 'No such collection or file, or not yours.' };

export const dataOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/collections',
    tag: 'Hosted data',
    summary: 'List your collections',
    description: 'By name, with how many files each holds and their total size.',
    auth: 'session',
    answers: { 200: { description: 'Your collections.', schema: z.object({ collections: z.array(collectionSummarySchema) }) } },
  },
  {
    method: 'post',
    path: '/api/v1/collections',
    tag: 'Hosted data',
    summary: 'Create a collection',
    description: 'Data Sources → My Hosted Data → New Collection. Algorithms then write to `data://<you>/<name>/<file>`.',
    auth: 'session',
    body: { schema: createCollectionInput, example: { name: 'event_output_directory' } },
    answers: { 201: { description: 'Created.', schema: z.object({ collection: createdCollectionSchema }) } },
    errors: { 400: 'Not a collection name: 1–64 letters, digits, -, _ and ., starting with a letter or digit (fieldErrors).', 409: 'You already have a collection with that name.' },
  },
  {
    method: 'get',
    path: '/api/v1/collections/{name}',
    tag: 'Hosted data',
    summary: 'List a collection’s files',
    description: 'A page of 20 files in name order, with the start of each text file, and the total.',
    auth: 'session',
    params: collectionNameParams,
    query: pageCursorQuerySchema.extend({ prefix: z.string().optional().describe('Only file names that start with this.') }),
    answers: {
      200: {
        description: 'The collection and a page of its files.',
        schema: filePreviewPageSchema.extend({ collection: z.object({ name: z.string(), createdAt: isoTimeSchema }) }),
      },
    },
    errors: { 404: 'No such collection of yours.' },
  },
  {
    method: 'get',
    path: '/api/v1/collections/{name}/files/{path}',
    tag: 'Hosted data',
    summary: 'Download a file',
    description: 'As an attachment, with the content type it was stored with (never rendered on the app’s origin).',
    auth: 'session',
    params: collectionFileParams,
    answers: { 200: { description: "The file's bytes.", schema: z.string().meta({ format: 'binary' }), contentType: 'application/octet-stream' } },
    errors: { 400: 'Not a file name.', 404: 'No such collection or file of yours.' },
  },
  {
    method: 'put',
    path: '/api/v1/collections/{name}/files/{path}',
    tag: 'Hosted data',
    summary: 'Upload a file',
    description: `Writes or replaces the file; its Content-Type is kept. Up to ${MAX_FILE_BYTES / 1_000_000} MB, within your hosted-data quota: the same rules as the data API.`,
    auth: 'session',
    params: collectionFileParams,
    body: { schema: z.string().meta({ format: 'binary' }), contentType: 'application/octet-stream', description: 'The file (any content type).' },
    answers: { 200: { description: 'Stored.', schema: z.object({ file: z.object({ filename: z.string(), size: z.number().int() }) }) } },
    errors: { 400: 'Not a file name.', 403: 'The file would take you past your hosted-data quota; nothing is stored.', 404: 'No such collection of yours.', 413: 'The file is too large.' },
  },
  {
    method: 'delete',
    path: '/api/v1/collections/{name}/files/{path}',
    tag: 'Hosted data',
    summary: 'Delete a file',
    auth: 'session',
    params: collectionFileParams,
    answers: { 200: { description: 'Deleted.', schema: deletedFileAnswerSchema } },
    errors: { 400: 'Not a file name.', 404: 'No such collection or file of yours.' },
  },
  {
    method: 'get',
    path: '/v1/data/{owner}/{collection}',
    tag: 'Data API',
    summary: 'List files',
    auth: 'apiKeyOrDataToken',
    params: collectionParams,
    answers: { 200: { description: 'The files, by path.', schema: fileListAnswerSchema } },
    errors: dataErrors,
  },
  {
    method: 'get',
    path: '/v1/data/{owner}/{collection}/{path}',
    tag: 'Data API',
    summary: 'Read a file',
    auth: 'apiKeyOrDataToken',
    params: fileParams,
    answers: { 200: { description: "The file's bytes, with the content type it was stored with.", schema: z.string().meta({ format: 'binary' }), contentType: 'application/octet-stream' } },
    errors: dataErrors,
  },
  {
    method: 'put',
    path: '/v1/data/{owner}/{collection}/{path}',
    tag: 'Data API',
    summary: 'Write a file',
    description: 'Writes or replaces the file; its Content-Type is kept. Up to 16 MB, within the owner’s hosted-data quota.',
    auth: 'apiKeyOrDataToken',
    params: fileParams,
    body: { schema: z.string().meta({ format: 'binary' }), contentType: 'application/octet-stream', description: 'The file (any content type).' },
    answers: { 200: { description: 'Stored.', schema: storedFileAnswerSchema, example: { result: 'data://demo/event_output_directory/some-new-file.txt' } } },
    errors: { ...dataErrors, 403: "The file would take the owner past their hosted-data quota; nothing is stored.", 413: 'The file is larger than 16 MB.' },
  },
  {
    method: 'delete',
    path: '/v1/data/{owner}/{collection}/{path}',
    tag: 'Data API',
    summary: 'Delete a file',
    auth: 'apiKeyOrDataToken',
    params: fileParams,
    answers: { 200: { description: 'Deleted.', schema: deletedFileAnswerSchema } },
    errors: dataErrors,
  },
];
