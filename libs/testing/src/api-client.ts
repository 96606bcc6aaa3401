/**
 * An HTTP client that behaves like the browser app: keeps cookies, echoes the XSRF-TOKEN cookie in
 * X-XSRF-TOKEN on state-changing requests (unless told not to), and signs in with a demo account.
 */
export const DEMO_PASSWORD = 'demo-pass-2026';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class ApiClient {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly options: { xsrf?: boolean; ip?: string } = {},
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...this.browserHeaders(method), ...extraHeaders };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.options.ip) headers['x-forwarded-for'] = this.options.ip;
    const response = await fetch(this.baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')).trim(), pair.slice(pair.indexOf('=') + 1).trim()];
      const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a) || /max-age=0/i.test(a.trim()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
      // A live stream has no end: its status and headers are the answer.
      await response.body?.cancel();
      return { status: response.status, body: null as T, headers: response.headers };
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  /**
   * The headers the browser app sends by itself: its cookies and, on a state-changing request, the
   * XSRF token echoed (unless told not to). For requests made with fetch directly (uploads, raw bodies).
   */
  browserHeaders(method = 'GET'): Record<string, string> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && this.options.xsrf !== false && this.cookies.has('XSRF-TOKEN')) {
      headers['x-xsrf-token'] = this.cookies.get('XSRF-TOKEN') as string;
    }
    return headers;
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  put<T = any>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body ?? {});
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body ?? {});
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }

  /** Fetches the XSRF cookie like the app's first page load, then signs in. */
  async signIn(email: string, password = DEMO_PASSWORD): Promise<ApiResponse> {
    await this.get('/api/health');
    return this.post('/api/auth/login', { email, password });
  }
}
