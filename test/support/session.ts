import { TEST_PASSWORD, uniqueName } from './factories';

export interface SignedInUser {
  username: string;
  /** The session cookie, for the Cookie header of later requests. */
  cookie: string;
}

/**
 * Signs up through the app's own auth endpoint, as the sign-up form does. `clientIp`: sent
 * as X-Forwarded-For, for tests that sign up more users than better-auth's sign-up rate
 * limit lets one address (3 per 10 s); the test apps trust one proxy hop (test/support/app.ts).
 */
export async function signUpOverHttp(appUrl: string, { clientIp }: { clientIp?: string } = {}): Promise<SignedInUser> {
  const username = uniqueName('user');
  const response = await fetch(`${appUrl}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: appUrl, ...(clientIp ? { 'x-forwarded-for': clientIp } : {}) },
    body: JSON.stringify({ name: username, username, email: `${username}@example.test`, password: TEST_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  return { username, cookie };
}
