import type { Person } from './people.ts';
import type { SeededRandom } from './random.ts';

/** Plausible engineering work items, for the issue trackers' fakes (GitHub, Linear). */
const areas = ['auth', 'billing', 'search', 'notifications', 'onboarding', 'API', 'dashboard', 'webhooks', 'exports', 'CLI', 'mobile app', 'SSO'];
const things = [
  'token refresh', 'invoice PDF', 'pagination', 'rate limiter', 'retry queue', 'CSV export', 'password reset email', 'audit log',
  'session cookie', 'upload dialog', 'timezone handling', 'dark mode', 'cache invalidation', 'search index', 'webhook signature',
  'feature flag', 'billing portal', 'OAuth callback', 'team invitations', 'Postgres migration', 'S3 presigned URLs', 'GraphQL schema',
];
const shapes: readonly ((thing: string, area: string) => string)[] = [
  (thing, area) => `Fix ${thing} race in ${area}`,
  (thing) => `${thing[0]!.toUpperCase()}${thing.slice(1)} fails for users with non-ASCII names`,
  (thing, area) => `Add ${thing} to ${area}`,
  (thing) => `Flaky test: ${thing.replace(/ /g, '_')}_spec times out on CI`,
  (thing, area) => `${area}: ${thing} returns 500 after deploy`,
  (thing) => `Refactor ${thing} into its own module`,
  (thing, area) => `Document ${thing} behaviour in ${area}`,
  (thing) => `Crash when ${thing} is empty`,
  (thing, area) => `Improve ${thing} performance in ${area}`,
  (thing) => `Upgrade dependency used by ${thing}`,
];

export function workTitle(random: SeededRandom): string {
  return random.pick(shapes)(random.pick(things), random.pick(areas));
}

export function workBody(random: SeededRandom, team: readonly Person[]): string {
  const thing = random.pick(things);
  const paragraphs = [
    `When ${thing} runs during a deploy, requests from the ${random.pick(areas)} path intermittently fail.`,
    '### Steps to reproduce',
    `1. Sign in as an admin\n2. Open the ${random.pick(areas)} settings\n3. Trigger ${thing} twice within a second`,
    '### Expected\nThe second request waits for the first.',
    `### Actual\nThe second request fails with \`HTTP ${random.pick([409, 500, 502, 504])}\` and the job is retried ${random.int(2, 9)} times.`,
  ];
  if (random.chance(0.4)) paragraphs.push('```\n' + `Error: ${thing} lock not acquired after ${random.int(1, 30)}s\n    at acquire (lib/lock.ts:${random.int(10, 300)})` + '\n```');
  if (random.chance(0.5)) paragraphs.push(`cc @${random.pick(team).login}`);
  return paragraphs.join('\n\n');
}

const replies = [
  'I can reproduce this on staging.', 'Looks like the lock is released too early; I have a fix in progress.',
  'Could this be related to the retry change last week?', 'Added a regression test.', 'Confirmed fixed after the last deploy.',
  'Can we bump the priority? Two customers reported it today.', 'LGTM once CI is green.', 'Moved to next sprint.',
  'The logs show the timeout starts after the cache warms up.', 'Works for me on the latest build.',
];

export function reply(random: SeededRandom, team: readonly Person[]): string {
  const text = random.pick(replies);
  return random.chance(0.3) ? `@${random.pick(team).login} ${text}` : text;
}
