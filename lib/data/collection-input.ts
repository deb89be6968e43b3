import { z } from 'zod';
import { collectionNameSchema } from './data-names';

/** New Collection's input: the dialog checks it before sending, the server again. */
export const createCollectionInput = z.object({ name: z.string({ error: 'Give the collection a name' }).trim().pipe(collectionNameSchema) });
