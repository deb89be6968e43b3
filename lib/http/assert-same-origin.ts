import { AppError } from '@/lib/errors';
import { appOrigins } from './app-origins';

// Cookie-authenticated mutations must come from the app's own pages: a browser attaches
// the session cookie to a form or fetch that another site sends here too (CSRF). Browsers
// say where a request comes from in Sec-Fetch-Site (or at least Origin); a request with
// neither is not a browser's and carries no ambient cookie risk.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const CROSS_SITE_MESSAGE = 'This request came from another website, so it was refused. Use Event Flows itself to make changes.';

export function assertSameOrigin(request: Request, allowedOrigins: string[] = appOrigins()): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const fetchSite = request.headers.get('sec-fetch-site');
  // 'none': the user typed or bookmarked it. 'same-site' is a sibling subdomain: not us.
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') throw new AppError('FORBIDDEN', CROSS_SITE_MESSAGE);
  const origin = request.headers.get('origin');
  if (origin === null) return;
  const host = request.headers.get('host');
  const sameHost = host !== null && safeHost(origin) === host;
  if (!sameHost && !allowedOrigins.includes(origin)) throw new AppError('FORBIDDEN', CROSS_SITE_MESSAGE);
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
