import { describe, expect, it } from 'vitest';
import { assertSameOrigin } from './assert-same-origin';

const APP = 'https://flows.example.com';
const request = (method: string, headers: Record<string, string>) => new Request(`${APP}/api/v1/algorithms`, { method, headers: { host: 'flows.example.com', ...headers } });
const check = (method: string, headers: Record<string, string>) => () => assertSameOrigin(request(method, headers), [APP]);

describe('the same-origin check of cookie-authenticated mutations', () => {
  it('lets the app’s own pages through', () => {
    expect(check('POST', { origin: APP, 'sec-fetch-site': 'same-origin' })).not.toThrow();
    expect(check('DELETE', { origin: APP })).not.toThrow();
    expect(check('PUT', {})).not.toThrow(); // not a browser: no ambient cookie
  });

  it('refuses another site in plain words, by Sec-Fetch-Site or Origin', () => {
    expect(check('POST', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).toThrow(/came from another website/);
    expect(check('PATCH', { 'sec-fetch-site': 'same-site' })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(check('POST', { origin: 'https://evil.example' })).toThrow(/another website/);
    expect(check('POST', { origin: 'null' })).toThrow(/another website/);
  });

  it('does not check reads', () => {
    expect(check('GET', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).not.toThrow();
  });
});
