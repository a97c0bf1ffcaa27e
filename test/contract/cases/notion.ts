import { fakeToken, fixtureDataset, generateDataset } from '../../../connectors/notion/fake/dataset.ts';
import { expectedItems } from '../../../connectors/notion/fake/items.ts';
import { NotionFake } from '../../../connectors/notion/fake/server.ts';
import { kindOf } from '../../../connectors/notion/map.ts';
import type { PageObjectResponse } from '../../../connectors/notion/types.ts';
import type { ConnectorCase } from './case.ts';

/** The pages each fake's last `change` made a sync read again, for `changedRequests`. */
const reread = new WeakMap<NotionFake, Set<string>>();

const parentPage = (page: PageObjectResponse) => (page.parent.type === 'page_id' ? [page.parent.page_id] : []);

export const notionCase: ConnectorCase<NotionFake> = {
  integration: 'notion',
  fake: (size) => new NotionFake(size === 'fixtures' ? fixtureDataset() : generateDataset({ pages: size, seed: size })),
  connection: (fake) => ({ integrationType: 'notion', apiKey: fakeToken, extra: { baseUrl: fake.url, requestsPerSecond: '0' } }),
  expected: expectedItems,
  change(fake) {
    const pages = fake.livePages();
    const parents = new Set(pages.flatMap(parentPage));
    const leaves = pages.filter((page) => kindOf(page) === 'page' && page.parent.type === 'page_id' && !parents.has(page.id));
    const [edited, trashed] = leaves as [PageObjectResponse, PageObjectResponse];
    const row = pages.find((page) => kindOf(page) === 'database_row')!;
    fake.editPage(row.id, { title: 'Customer export times out (edited)', status: 'Done' });
    fake.editPage(edited.id, { append: 'Follow-up: the rollout moved to next week.' });
    const added = fake.addPage(edited.parent.type === 'page_id' ? edited.parent.page_id : '', 'Offsite agenda', 'Day one: planning. Day two: hack day.');
    fake.trashPage(trashed.id);
    // Adding and trashing a subpage edit its parent too (its child-page block), so the parents are read again.
    reread.set(fake, new Set([row.id, edited.id, added, ...parentPage(edited), ...parentPage(trashed)]));
    return { changed: 3, deleted: { kind: 'page', externalId: trashed.id } };
  },
  deletionsSeenBy: 'incremental',
  // One search of the trash and one of recent edits, each back to the last minute read.
  idleRequests: () => 2,
  // Besides those: the people (once), and for each page read again its blocks and at most its database and parent titles.
  changedRequests: (fake) => {
    const ids = [...(reread.get(fake) ?? [])];
    return 2 + 1 + ids.reduce((sum, id) => sum + fake.blockRequests(id) + 2, 0);
  },
  detailRoutes: ['blocks.children.list'],
  isListingRequest: (request) => request.route === 'search',
  listingPages: (fake) => Math.max(1, Math.ceil((fake.livePages().length + fake.dataSources().length) / 100)),
  resumeSlowMs: 2,
};
