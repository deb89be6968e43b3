import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { runningNow, stopStartedSince } from '../support/running-resources';

// A test that leaves a worker, executor, server or process running fails here (what it
// left is stopped, so the next test starts clean). What a file's beforeAll started is
// checked once its afterAll hooks have run.
let beforeFile = runningNow();
let beforeTest = runningNow();

beforeAll(() => {
  beforeFile = runningNow();
});

beforeEach(() => {
  beforeTest = runningNow();
});

afterEach(async () => {
  const leaked = await stopStartedSince(beforeTest);
  if (leaked.length) throw new Error(`The test left running: ${leaked.join(', ')}. Stop what a test starts (in a finally or an afterEach).`);
});

afterAll(async () => {
  const leaked = await stopStartedSince(beforeFile);
  if (leaked.length) throw new Error(`The file's hooks left running: ${leaked.join(', ')}. Stop in afterAll what beforeAll starts.`);
});
