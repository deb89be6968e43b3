/** Credentials the local SQS emulator accepts; never used against AWS. */
export const LOCAL_SQS_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
