import { TEST_PASSWORD, uniqueName } from './factories';

export interface SignedInUser {
  username: string;
  /** The session cookie, for the Cookie header of later requests. */
  cookie: string;
}

/**
 * Signs up through the app's own auth endpoint, as the sign-up form does (the test apps
 * allow many sign-ups a minute from one address: test/support/app.ts).
 */
export async function signUpOverHttp(appUrl: string): Promise<SignedInUser> {
  const username = uniqueName('user');
  const response = await fetch(`${appUrl}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: appUrl },
    body: JSON.stringify({ name: username, username, email: `${username}@example.test`, password: TEST_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  return { username, cookie };
}

export interface HttpSession {
  username: string;
  request(path: string, init?: { method?: string; body?: unknown }): Promise<Response>;
}

/** A new user, signed up over HTTP, whose requests carry its session cookie. */
export async function signedInCaller(appUrl: string): Promise<HttpSession> {
  const { username, cookie } = await signUpOverHttp(appUrl);
  return {
    username,
    request: (path, { method = 'GET', body } = {}) =>
      fetch(`${appUrl}${path}`, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  };
}
