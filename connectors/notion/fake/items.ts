import type { ItemDraft } from '../../../src/sync/connector.ts';
import { mapPage } from '../map.ts';
import type { NotionFake } from './server.ts';

/** The items the fake's live pages map to, read from its state as a sync would read them over HTTP. */
export function expectedItems(fake: NotionFake): ItemDraft[] {
  const lookup = fake.lookup();
  return fake.livePages().map((page) => mapPage({ page, blocks: fake.tree(page.id) }, lookup));
}
