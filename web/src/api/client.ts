// The one fetch wrapper: same-origin cookies, the CSRF header on writes, JSON errors as ApiError.
import { ApiError, type DuplicateMatch, type ErrorCode, type ErrorDetail } from './types';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type QueryParams = Record<string, string | number | undefined>;

let csrfToken: string | null = null;
let onSessionLost: (() => void) | null = null;

/** Set on sign-in, cleared on sign-out; every state-changing request carries it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a signed-in request answers 401 (the session expired or was revoked). */
export function setSessionLostHandler(handler: (() => void) | null): void {
  onSessionLost = handler;
}

export function queryString(params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: ErrorDetail[]; reason?: string; [param: string]: unknown };
  duplicates?: DuplicateMatch[];
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: ErrorBody | null = null;
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // Not JSON (a proxy's error page, an empty body): fall back to the status line.
  }
  const error = body?.error;
  if (!error?.code) {
    return new ApiError(response.status, 'server_error', response.statusText || `HTTP ${response.status}`);
  }
  // Besides code, message, details and reason, the error's members are the values its wording names.
  const { code, message, details, reason, ...params } = error;
  return new ApiError(
    response.status,
    code as ErrorCode,
    message ?? code,
    details ?? [],
    body?.duplicates ?? [],
    reason ?? null,
    params,
  );
}

/** Sends `body` as JSON, or as multipart/form-data when it is a FormData (file uploads). */
export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const form = body instanceof FormData;
  // The browser sets a multipart body's Content-Type itself, with its boundary.
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause));
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && csrfToken !== null) onSessionLost?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
