/** When and how long to wait before retrying a request. */

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

const initialDelayMs = 500;
const maxBackoffMs = 8_000;
const maxRetryAfterMs = 60_000;

/**
 * 408, 429 and 5xx gateway statuses are transient. 409 is deliberately not
 * retried: the agent's conflicts (`workspace_exists`, `connection_exists`,
 * `smart_folder_exists`) are permanent duplicates that no retry resolves.
 */
const retryableStatuses: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return retryableStatuses.has(status);
}

/**
 * A refused or reset connection is retried for every method: the request almost
 * always never reached the agent (it is restarting), and a replayed create at
 * worst meets a 409. A timeout means the agent probably received the request and
 * is still working on it, so only methods whose repetition is harmless (GET,
 * PATCH setting values, DELETE) retry it; a timed-out POST could create twice.
 */
export function isRetryableFailure(method: Method, timedOut: boolean): boolean {
  return !timedOut || method !== 'POST';
}

/**
 * Milliseconds to wait before retry number `attempt + 1`: the server's
 * `Retry-After` (seconds or HTTP date, at most 60 s) when given, else
 * exponential backoff from 500 ms, capped at 8 s, with up to 25 % jitter so that
 * many clients do not retry in step.
 */
export function retryDelayMs(attempt: number, headers: Record<string, string> = {}): number {
  const retryAfter = parseRetryAfterMs(headers['retry-after']);
  if (retryAfter !== undefined) return Math.min(retryAfter, maxRetryAfterMs);
  return Math.min(initialDelayMs * 2 ** attempt, maxBackoffMs) * (1 - Math.random() * 0.25);
}

function parseRetryAfterMs(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
