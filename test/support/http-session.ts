import { TEST_PASSWORD, uniqueName } from './factories';

export interface HttpSession {
  username: string;
  /** fetch against the app as this user (JSON body, session cookie, same-origin header). */
  request(path: string, init?: { method?: string; body?: unknown }): Promise<Response>;
}

/** Signs a new user up through better-auth's HTTP endpoint, as the browser does, and keeps the cookie. */
export async function signUpOverHttp(appUrl: string): Promise<HttpSession> {
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
  return {
    username,
    request: (path, { method = 'GET', body } = {}) =>
      fetch(`${appUrl}${path}`, {
        method,
        headers: { cookie, origin: appUrl, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  };
}
