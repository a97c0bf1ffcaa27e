import type { WebClient } from '@slack/web-api';
import type { SyncContext } from '../../src/sync/connector.ts';
import type { Directory, SlackUser } from './types.ts';

/** The name Slack shows for a user: display name, else real name, else handle. */
export function displayName(user: SlackUser): string {
  return user.profile?.display_name || user.profile?.real_name || user.real_name || user.name || user.id || 'unknown';
}

/**
 * Every user of the workspace by id (users.list, 200 a page), read once per
 * run and only when a run has something to render.
 */
export function directoryLoader(client: WebClient, ctx: SyncContext): () => Promise<Directory> {
  let loading: Promise<Directory> | undefined;
  return () => {
    loading ??= (async () => {
      const directory = new Map<string, string>();
      let cursor: string | undefined;
      do {
        const page = await ctx.call(() => client.users.list({ limit: 200, ...(cursor ? { cursor } : {}) }));
        for (const member of page.members ?? []) if (member.id) directory.set(member.id, displayName(member));
        cursor = page.response_metadata?.next_cursor || undefined;
      } while (cursor);
      return directory;
    })();
    return loading;
  };
}
