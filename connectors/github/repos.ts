import type { SyncContext } from '../../src/sync/connector.ts';
import type { createClient } from './client.ts';
import type { GitHubCursor } from './cursor.ts';
import { hasNextPage, perPage } from './pages.ts';

type Client = ReturnType<typeof createClient>;

interface RepoPage {
  data: { full_name: string }[];
  headers: { link?: string; etag?: string };
}

type RepoLister = (page: number, headers: Record<string, string>) => Promise<RepoPage>;

function listOf(value: string | undefined): string[] {
  return (value ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
}

/**
 * The repositories to sync: `extra.repos` (owner/name, comma-separated) as
 * given; else those of `extra.orgs`; else every repository the token can see.
 * Listings are newest-created first with the first page conditional, so an
 * unchanged set costs a 304 and a new repository shows on page one.
 */
export async function discoverRepos(client: Client, ctx: SyncContext, cursor: GitHubCursor): Promise<string[]> {
  const configured = listOf(ctx.credentials.extra.repos);
  if (configured.length > 0) return configured;
  const orgs = listOf(ctx.credentials.extra.orgs);
  const sources: [string, RepoLister][] = orgs.length > 0
    ? orgs.map((org) => [`org:${org}`, (page, headers) => client.repos.listForOrg({ org, type: 'all', sort: 'created', direction: 'desc', per_page: perPage, page, headers })])
    : [['user', (page, headers) => client.repos.listForAuthenticatedUser({ sort: 'created', direction: 'desc', per_page: perPage, page, headers })]];
  const repos = new Set<string>();
  let changed = false;
  for (const [source, list] of sources) {
    const known = cursor.repos(source);
    const etag = cursor.reposEtag(source);
    const first = await ctx.call(async () => {
      try {
        return await list(1, known && etag ? { 'if-none-match': etag } : {});
      } catch (error) {
        if ((error as { status?: number }).status === 304) return undefined;
        throw error;
      }
    });
    if (!first) {
      for (const repo of known ?? []) repos.add(repo);
      continue;
    }
    const names = first.data.map((repo) => repo.full_name);
    for (let page = 2, more = hasNextPage(first.headers.link); more; page++) {
      const next = await ctx.call(() => list(page, {}));
      names.push(...next.data.map((repo) => repo.full_name));
      more = hasNextPage(next.headers.link);
    }
    cursor.setRepos(source, names, first.headers.etag);
    for (const repo of names) repos.add(repo);
    changed = true;
  }
  if (changed) ctx.commit({ cursor: cursor.snapshot() });
  return [...repos];
}
