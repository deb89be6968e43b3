/** A message body is the algorithm's input: parsed JSON when it is valid JSON, else the string. */
export function messageInput(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}
