import type { SyncCursor } from '../../src/sync/connector.ts';

/**
 * GitHub's checkpoint, flat: per repository `since:<repo>` (newest update
 * seen) and `etag:<repo>` (of the first page of that `since`), the same for
 * the repository's comments as `commentsSince:<repo>` and `commentsEtag:<repo>`
 * (a cursor saved before those existed reads `since` for them); a listing in
 * progress as `listing` (repositories left, the current one first),
 * `listingPage` and `listingHigh` (the newest update when its listing began);
 * discovered repositories as `repos:<source>` with `reposEtag:<source>`.
 */
export class GitHubCursor {
  readonly #values: Map<string, string | number | boolean>;

  constructor(saved: SyncCursor | undefined) {
    this.#values = new Map(Object.entries(saved ?? {}));
  }

  snapshot(): SyncCursor {
    return Object.fromEntries(this.#values);
  }

  since(repo: string): string | undefined {
    return this.#string(`since:${repo}`);
  }

  etag(repo: string): string | undefined {
    return this.#string(`etag:${repo}`);
  }

  setSince(repo: string, since: string, etag: string | undefined): void {
    this.#values.set(`since:${repo}`, since);
    this.#set(`etag:${repo}`, etag);
  }

  commentsSince(repo: string): string | undefined {
    return this.#string(`commentsSince:${repo}`) ?? this.since(repo);
  }

  commentsEtag(repo: string): string | undefined {
    return this.#string(`commentsEtag:${repo}`);
  }

  setCommentsSince(repo: string, since: string, etag: string | undefined): void {
    this.#values.set(`commentsSince:${repo}`, since);
    this.#set(`commentsEtag:${repo}`, etag);
  }

  listingQueue(): string[] {
    return (this.#string('listing') ?? '').split(',').filter(Boolean);
  }

  listingPage(): number {
    return Number(this.#values.get('listingPage') ?? 1);
  }

  startListing(queue: readonly string[]): void {
    this.#values.set('listing', queue.join(','));
    this.#values.set('listingPage', 1);
    this.#values.delete('listingHigh');
  }

  setListingHigh(updatedAt: string): void {
    this.#values.set('listingHigh', updatedAt);
  }

  nextListingPage(): void {
    this.#values.set('listingPage', this.listingPage() + 1);
  }

  /** A listed repository continues from its newest update when the listing began (a reconcile keeps its own `since`). */
  finishListedRepo(repo: string): void {
    const high = this.#string('listingHigh');
    if (this.since(repo) === undefined && high !== undefined) {
      this.setSince(repo, high, undefined);
      this.setCommentsSince(repo, high, undefined);
    }
    const rest = this.listingQueue().filter((queued) => queued !== repo);
    this.startListing(rest);
    if (rest.length === 0) {
      this.#values.delete('listing');
      this.#values.delete('listingPage');
    }
  }

  repos(source: string): string[] | undefined {
    return this.#string(`repos:${source}`)?.split(',').filter(Boolean);
  }

  reposEtag(source: string): string | undefined {
    return this.#string(`reposEtag:${source}`);
  }

  setRepos(source: string, repos: readonly string[], etag: string | undefined): void {
    this.#values.set(`repos:${source}`, repos.join(','));
    this.#set(`reposEtag:${source}`, etag);
  }

  #string(key: string): string | undefined {
    const value = this.#values.get(key);
    return value === undefined ? undefined : String(value);
  }

  #set(key: string, value: string | undefined): void {
    if (value === undefined) this.#values.delete(key);
    else this.#values.set(key, value);
  }
}
