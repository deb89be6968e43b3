import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { prettyFactory } from 'pino-pretty';

// Merges the children's output into the terminal as one readable stream: JSON log
// lines are pretty-printed, anything else is passed through, each tagged by process.

const prettify = prettyFactory({ colorize: Boolean(process.stdout.isTTY), ignore: 'pid,hostname', translateTime: 'HH:MM:ss', singleLine: true });

export function pipeTagged(stream: Readable, tag: string): void {
  const label = `[${tag}]`.padEnd(9);
  createInterface({ input: stream }).on('line', (line) => {
    if (line.trim() === '') return;
    const text = line.startsWith('{') ? tryPretty(line) : line;
    process.stdout.write(`${label}${text.trimEnd()}\n`);
  });
}

function tryPretty(line: string): string {
  try {
    return prettify(JSON.parse(line));
  } catch {
    return line;
  }
}
