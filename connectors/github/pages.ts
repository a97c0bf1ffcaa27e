import type { SyncContext } from '../../src/sync/connector.ts';
import { statusOf } from './client.ts';

/** GitHub's largest page. */
export const perPage = 100;

export function hasNextPage(link: string | undefined): boolean {
  return /rel="next"/.test(link ?? '');
}

/** The page number of `rel="last"` in a Link header: with `perPage`, an estimate of the total. */
export function lastPage(link: string | undefined): number | undefined {
  const match = /<[^>]*[?&]page=(\d+)[^>]*>;\s*rel="last"/.exec(link ?? '');
  return match ? Number(match[1]) : undefined;
}

export function split(repo: string): [owner: string, name: string] {
  const [owner = '', name = ''] = repo.split('/');
  return [owner, name];
}

interface Page<T> {
  data: T[];
  headers: { link?: string };
}

/**
 * Every page of a list, one rate-limited request each, each element shaped as
 * it arrives; undefined when the parent is gone (404: deleted between the
 * listing and this request).
 */
export async function allPages<T, R>(ctx: SyncContext, fetchPage: (page: number) => Promise<Page<T>>, shape: (value: T) => R): Promise<R[] | undefined> {
  const all: R[] = [];
  for (let page = 1; ; page++) {
    const response = await ctx.call(() => orMissing(fetchPage(page)));
    if (!response) return undefined;
    all.push(...response.data.map(shape));
    if (!hasNextPage(response.headers.link)) return all;
  }
}

/**
 * A 404 (or 410, GitHub's answer for a deleted issue) as undefined: the object
 * was deleted, which is an answer, not a failure.
 */
export async function orMissing<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request;
  } catch (error) {
    const status = statusOf(error);
    if (status === 404 || status === 410) return undefined;
    throw error;
  }
}

/** `orMissing` for a conditional request: a 304 as `not_modified`. */
export async function orUnchanged<T>(request: Promise<T>): Promise<T | 'not_modified' | undefined> {
  try {
    return await orMissing(request);
  } catch (error) {
    if (statusOf(error) === 304) return 'not_modified';
    throw error;
  }
}
