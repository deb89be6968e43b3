import http from 'node:http';

/**
 * Sends the head of a request declaring a `declaredBytes` body, and its first 64 KB only;
 * resolves with the answer (status and body) once it comes. An answer proves the server
 * did not wait for the rest; and the client never writes into a connection the server has
 * already closed after refusing (a full oversized upload can see EPIPE before the answer).
 */
export function answerBeforeBodyIsSent(
  url: string,
  { method = 'POST', headers = {}, declaredBytes }: { method?: string; headers?: Record<string, string>; declaredBytes: number },
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers: { ...headers, 'content-length': String(declaredBytes) } });
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, text });
        request.destroy();
      });
    });
    request.on('error', reject);
    request.write(Buffer.alloc(64 * 1024, 'x'));
  });
}

/** answerBeforeBodyIsSent's status, for a POST with these headers. */
export async function statusBeforeBodyIsSent(url: string, headers: Record<string, string>, declaredBytes: number): Promise<number> {
  return (await answerBeforeBodyIsSent(url, { headers, declaredBytes })).status;
}
