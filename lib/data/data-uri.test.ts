import { describe, expect, it } from 'vitest';
import { dataApiUrlOf, dataUriOf, parseDataPath, parseDataUri } from './data-uri';

describe('data:// URIs', () => {
  it('name a file in a collection, nested paths included', () => {
    expect(parseDataUri('data://ezra/TestingSQSEventFlow/some-new-file.txt')).toEqual({
      ok: true,
      location: { owner: 'ezra', collection: 'TestingSQSEventFlow', path: 'some-new-file.txt' },
    });
    expect(parseDataUri('data://demo/event_output_directory/2024/01/a b.json')).toMatchObject({
      ok: true,
      location: { path: '2024/01/a b.json' },
    });
  });

  it('name a collection without a file, with or without a trailing slash', () => {
    expect(parseDataUri('data://demo/event_output_directory')).toEqual({ ok: true, location: { owner: 'demo', collection: 'event_output_directory', path: null } });
    expect(parseDataUri('data://demo/event_output_directory/')).toMatchObject({ ok: true, location: { path: null } });
  });

  it('refuse other schemes, missing parts and escaping paths, saying why', () => {
    expect(parseDataUri('s3://demo/c/f')).toEqual({ ok: false, error: 'A data URI starts with data://' });
    expect(parseDataUri('data://demo')).toMatchObject({ ok: false, error: /^Collection:/ });
    expect(parseDataUri('data:///c/f')).toMatchObject({ ok: false, error: /names its owner/ });
    expect(parseDataUri('data://demo/c/../other/f')).toMatchObject({ ok: false, error: /"\.\."/ });
    expect(parseDataUri('data://demo/c/a//b')).toMatchObject({ ok: false });
    expect(parseDataUri('data://demo/-bad/f')).toMatchObject({ ok: false, error: /^Collection:/ });
    expect(parseDataPath('demo/c/tab\there')).toMatchObject({ ok: false, error: /control characters/ });
  });

  it('print back as the URI they came from and as data API URLs', () => {
    const uri = 'data://demo/event_output_directory/dir/some new file.txt';
    const parsed = parseDataUri(uri);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(dataUriOf(parsed.location)).toBe(uri);
    expect(dataApiUrlOf('http://localhost:3000/', parsed.location)).toBe(
      'http://localhost:3000/v1/data/demo/event_output_directory/dir/some%20new%20file.txt',
    );
  });
});
