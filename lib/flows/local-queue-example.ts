// The URL of the demo queue `npm start` creates in the local emulator
// (lib/local/sqs-emulator.ts), shown as an example in local mode. Browser-safe.
export function localQueueUrlExample(localSqsEndpoint: string): string {
  const { protocol, port } = new URL(localSqsEndpoint);
  return `${protocol}//sqs.us-east-1.localhost:${port}/000000000000/demo-queue`;
}
