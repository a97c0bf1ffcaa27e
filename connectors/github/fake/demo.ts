import type { DemoFake } from '../../../src/sync/fake/demo.ts';
import { unpaced } from '../../../src/sync/fake/demo.ts';
import { fakeToken, generateDataset } from './dataset.ts';
import { GitHubFake } from './server.ts';

/** Three repositories of a made-up team; "Open PRs" is the seed examples' folder. */
export const githubDemo: DemoFake<GitHubFake> = {
  integration: 'github',
  fake: () => new GitHubFake(generateDataset({ issues: 150, repos: 3, seed: 7 })),
  connection: (fake) => ({ accessToken: fakeToken, extra: { baseUrl: fake.url, ...unpaced } }),
  folders: [
    { name: 'Open PRs', guidance: 'open pull requests that need review' },
    { name: 'Open bugs', guidance: 'open bugs' },
  ],
};
