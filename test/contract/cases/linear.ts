import { fakeApiKey, fixtureDataset, generateDataset } from '../../../connectors/linear/fake/dataset.ts';
import { LinearFake } from '../../../connectors/linear/fake/server.ts';
import { threadsOf } from '../../../connectors/linear/fake/threads.ts';
import { mapIssue } from '../../../connectors/linear/map.ts';
import { issuePageSize } from '../../../connectors/linear/queries.ts';
import type { ConnectorCase } from './case.ts';

export const linearCase: ConnectorCase<LinearFake> = {
  integration: 'linear',
  fake: (size) => new LinearFake(size === 'fixtures' ? fixtureDataset() : generateDataset({ issues: size, seed: size })),
  connection: (fake) => ({ integrationType: 'linear', apiKey: fakeApiKey, extra: { baseUrl: `${fake.url}/graphql`, requestsPerSecond: '0' } }),
  expected: (fake) => threadsOf(fake).map(mapIssue),
  change(fake) {
    const [first, second, third, fourth] = fake.liveIssues();
    fake.editIssue(first!.id, { title: `${first!.title} (edited)` });
    fake.editIssue(second!.id, { priority: 1 });
    fake.addComment(third!.id, 'Reproduced on iOS 18.1; attaching logs.');
    const commented = fake.liveIssues().find((issue) => issue.comments.length > 0 && ![first, second, third, fourth].includes(issue))!;
    fake.editComment(commented.id, 0, 'Correction: it is the staging build, not production.');
    fake.addIssue('MOB', { title: 'Push notifications arrive twice after reinstall', description: 'Seen on Android 15.' });
    fake.trashIssue(fourth!.id);
    return { changed: 5, deleted: { kind: 'issue', externalId: fourth!.id } };
  },
  deletionsSeenBy: 'incremental',
  // One page of `updatedAt > since` (archived included), one of the comments changed since theirs: empty when idle.
  idleRequests: () => 2,
  // And one page of the issues those comments name, read again by id.
  changedRequests: () => 3,
  detailRoutes: ['IssueComments'],
  isListingRequest: (request) => request.route === 'issues.list',
  listingPages: (fake) => Math.max(1, Math.ceil(fake.liveIssues().length / issuePageSize)),
  resumeSlowMs: 100,
};
