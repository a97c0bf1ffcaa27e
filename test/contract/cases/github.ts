import { mapThread } from '../../../connectors/github/map.ts';
import { fixtureDataset, generateDataset } from '../../../connectors/github/fake/dataset.ts';
import { GitHubFake } from '../../../connectors/github/fake/server.ts';
import type { ConnectorCase } from './case.ts';

export const githubCase: ConnectorCase<GitHubFake> = {
  integration: 'github',
  fake: (size) => new GitHubFake(size === 'fixtures' ? fixtureDataset() : generateDataset({ issues: size, repos: 3, seed: size })),
  connection: (fake) => ({ integrationType: 'github', accessToken: generateDataset({ issues: 0 }).token, extra: { baseUrl: fake.url, requestsPerSecond: '0' } }),
  expected: (fake) => fake.threads().map(mapThread),
  change(fake) {
    const [first, second, third] = fake.threads().filter((thread) => thread.repo === 'acme/api');
    fake.editIssue('acme/api', first!.issue.number, { title: `${first!.issue.title} (edited)` });
    fake.editIssue('acme/api', second!.issue.number, { state: 'closed' });
    fake.addComment('acme/api', third!.issue.number, 'grace-okafor', 'Reopening: the fix did not cover the retry path.');
    fake.addIssue('acme/web', { title: 'Upload dialog freezes on Safari 18', body: 'Steps: drop a 2 GB file.', author: 'mei-lin' });
    const doomed = fake.threads().find((thread) => thread.repo === 'acme/web' && !thread.pull)!;
    fake.deleteIssue('acme/web', doomed.issue.number);
    const discussed = fake.threads().find((thread) => thread.repo === 'acme/mobile' && thread.comments.length > 0)!;
    fake.editComment('acme/mobile', discussed.issue.number, 0, 'Edited: this only happens on Android 15.');
    return { changed: 5, deleted: { kind: 'issue', externalId: `acme/web#${doomed.issue.number}` } };
  },
  deletionsSeenBy: 'reconcile',
  // Repository discovery and each repository's first page, all conditional: 304s.
  // Discovery, then per repository its issues and its comments, each a conditional request.
  idleRequests: (fake) => 1 + 2 * new Set(fake.threads().map((thread) => thread.repo)).size,
  // Besides those: the changed items' comments and pull request details (at most four requests each; an edited
  // comment's issue costs issues.get and its comments).
  changedRequests: (fake, changes) => githubCase.idleRequests(fake) + changes.changed * 4,
  detailRoutes: ['issues.listComments', 'pulls.get', 'pulls.listReviews', 'pulls.listFiles'],
  isListingRequest: (request) => request.route === 'issues.listForRepo' && request.query.get('direction') === 'desc',
  listingPages(fake) {
    const perRepo = new Map<string, number>();
    for (const thread of fake.threads()) perRepo.set(thread.repo, (perRepo.get(thread.repo) ?? 0) + 1);
    return [...perRepo.values()].reduce((pages, count) => pages + Math.max(1, Math.ceil(count / 100)), 0);
  },
  resumeSlowMs: 2,
};
