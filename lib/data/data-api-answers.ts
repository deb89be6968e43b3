import { z } from 'zod';
import { fileSummarySchema } from './list-data-files';

// The data API's JSON answers (app/v1/data), in the shape Algorithmia's clients read.

export const fileListAnswerSchema = z.object({ files: z.array(fileSummarySchema) });
export const storedFileAnswerSchema = z.object({ result: z.string().describe('The file’s data:// URI.') });
export const deletedFileAnswerSchema = z.object({ result: z.object({ deleted: z.literal(1) }) });

export type FileListAnswer = z.infer<typeof fileListAnswerSchema>;
export type StoredFileAnswer = z.infer<typeof storedFileAnswerSchema>;
export type DeletedFileAnswer = z.infer<typeof deletedFileAnswerSchema>;
