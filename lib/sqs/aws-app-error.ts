import { AppError } from '@/lib/errors';
import { describeAwsError } from './describe-aws-error';

/** An AWS failure as the AppError an API answers with: 502, since AWS, not the caller, said no. */
export function awsAppError(error: unknown, action: string, resource: string): AppError {
  return new AppError('BAD_GATEWAY', describeAwsError(error, { action, resource }).message, undefined, { cause: error });
}
