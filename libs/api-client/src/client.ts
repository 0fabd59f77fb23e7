import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema';

/** One entry of a problem's `errors`: the field (a path such as `client.lastName`) and what is wrong with it. */
export interface FieldError {
  field: string;
  message: string;
}

/** The RFC 9457 body of every error answer. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
}

/** A non-2xx answer, thrown so that callers (and react-query) see a failed promise rather than an `error` field. */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly fieldErrors: FieldError[];
  /** Seconds from the Retry-After header of a 429 or 503, when given. */
  readonly retryAfter: number | null;

  constructor(
    readonly status: number,
    problem: ProblemDetails = {},
    retryAfter: number | null = null,
  ) {
    const title = problem.title || `Request failed (${status})`;
    const detail = problem.detail || title;
    super(detail);
    this.type = problem.type || 'about:blank';
    this.title = title;
    this.detail = detail;
    this.fieldErrors = Array.isArray(problem.errors) ? problem.errors : [];
    this.retryAfter = retryAfter;
  }

  static async fromResponse(response: Response): Promise<ProblemError> {
    let problem: ProblemDetails = { title: response.statusText || undefined };
    try {
      const body: unknown = JSON.parse(await response.text());
      if (body && typeof body === 'object') problem = body as ProblemDetails;
    } catch {
      // Not JSON (a proxy's HTML page, an empty body): the status says enough.
    }
    const retryAfter = Number(response.headers.get('Retry-After'));
    return new ProblemError(
      response.status,
      problem,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }

  /** The message for one field, matching nested paths by their first segment (`roles[0]` → `roles`). */
  messageFor(field: string): string | undefined {
    return this.fieldErrors.find((e) => e.field === field || e.field.split(/[.[]/)[0] === field)?.message;
  }
}

export function isProblem(error: unknown, status?: number): error is ProblemError {
  return error instanceof ProblemError && (status === undefined || error.status === status);
}

export interface ApiClientOptions {
  /** Origin and prefix before the `/api/...` paths; '' for the same origin. */
  baseUrl?: string;
  /** The access token held in memory, or null when signed out. */
  getAccessToken: () => string | null;
  /**
   * Gets a new access token (POST /api/auth/refresh) and answers it, or null when the session has ended.
   * Refresh tokens are single-use, so this must share one in-flight request among its callers.
   */
  refresh: () => Promise<string | null>;
  fetch?: (request: Request) => Promise<Response>;
}

export type ApiClient = Client<paths>;

/** Routes whose 401 means "not signed in" (or a bad password), never "access token expired". */
const NO_REFRESH_ROUTES = new Set(['/api/auth/login', '/api/auth/refresh', '/api/auth/logout']);

/**
 * The typed client of the Beacon API. It sends the access token, and when a request answers 401
 * because the token expired it refreshes once and retries that request once. Any answer that is
 * still not 2xx is thrown as a ProblemError.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    credentials: 'same-origin',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  // The body of a sent request is consumed, so a retry needs a copy taken before sending.
  const spares = new WeakMap<Request, Request>();

  client.use({
    onRequest({ request, schemaPath }) {
      const token = options.getAccessToken();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      if (!NO_REFRESH_ROUTES.has(schemaPath)) spares.set(request, request.clone());
      return request;
    },
    async onResponse({ request, response, options: fetchOptions }) {
      let answer = response;
      const spare = spares.get(request);
      spares.delete(request);
      if (answer.status === 401 && spare) {
        const current = options.getAccessToken();
        // Another request may already have refreshed while this one was in flight: then just use its token.
        const token =
          current && request.headers.get('Authorization') !== `Bearer ${current}`
            ? current
            : await options.refresh();
        if (token) {
          spare.headers.set('Authorization', `Bearer ${token}`);
          answer = await fetchOptions.fetch(spare);
        }
      }
      if (!answer.ok) throw await ProblemError.fromResponse(answer);
      return answer;
    },
  });
  return client;
}

/**
 * The data of a call, typed without the `undefined` openapi-fetch leaves for error answers
 * (which the client has already thrown as ProblemError).
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) {
    throw new ProblemError(
      response.status,
      error && typeof error === 'object' ? (error as ProblemDetails) : {},
    );
  }
  return data as T;
}
