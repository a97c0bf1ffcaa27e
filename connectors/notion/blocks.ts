import { type Client, type ListBlockChildrenResponse, isFullBlock } from '@notionhq/client';
import type { SyncContext } from '../../src/sync/connector.ts';
import { errorCode } from './client.ts';
import type { BlockNode, BlockObjectResponse } from './types.ts';

/** Blocks whose children are part of the page: child pages and databases are items of their own. */
export function descends(block: BlockObjectResponse): boolean {
  return block.has_children && block.type !== 'child_page' && block.type !== 'child_database';
}

/**
 * The children of a page or block, 100 a request, and theirs in turn;
 * undefined when the page or block is gone (deleted or unshared since it was listed).
 */
export async function readBlocks(client: Client, ctx: SyncContext, id: string): Promise<BlockNode[] | undefined> {
  const blocks: BlockObjectResponse[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.call(async (): Promise<ListBlockChildrenResponse | undefined> => {
      try {
        return await client.blocks.children.list({ block_id: id, page_size: 100, ...(cursor ? { start_cursor: cursor } : {}) });
      } catch (error) {
        if (errorCode(error) === 'object_not_found') return undefined;
        throw error;
      }
    });
    if (!page) return undefined;
    blocks.push(...page.results.filter(isFullBlock));
    cursor = page.has_more ? (page.next_cursor ?? undefined) : undefined;
  } while (cursor);
  const nodes: BlockNode[] = [];
  for (const block of blocks) nodes.push({ block, children: descends(block) ? ((await readBlocks(client, ctx, block.id)) ?? []) : [] });
  return nodes;
}
