// The SQS emulator in a process of its own, so that it does not share an event loop
// (or a core) with the consumer being measured. Prints its address, then serves.
import { startFauxqs } from 'fauxqs';

const server = await startFauxqs({ port: Number(process.env.FAUXQS_PORT ?? 0), logger: false });
process.stdout.write(`${server.address}\n`);
process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
