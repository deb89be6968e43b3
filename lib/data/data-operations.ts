import { z } from 'zod';
import type { ApiOperation } from '@/lib/openapi/api-operation';
import { createCollectionInput, createdCollectionSchema } from './create-collection';
import { deletedFileAnswerSchema, fileListAnswerSchema, storedFileAnswerSchema } from './data-api-answers';
import { collectionSummarySchema } from './list-collections';
import { fileSummarySchema } from './list-data-files';

const collectionParams = z.object({
  owner: z.string().describe("The collection's owner (a username): yours, or the algorithm owner's for a data token."),
  collection: z.string().describe("The collection's name."),
});
const fileParams = collectionParams.extend({ path: z.string().describe('The file’s path in the collection; it may contain / (sent as is, not encoded).') });
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
    auth: 'session',
    params: z.object({ name: z.string().describe("The collection's name.") }),
    answers: { 200: { description: 'The collection and its files, by path.', schema: z.object({ collection: z.object({ name: z.string(), files: z.array(fileSummarySchema) }) }) } },
    errors: { 404: 'No such collection of yours.' },
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
