import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Person, people } from '../../../src/sync/fake/people.ts';
import { SeededRandom } from '../../../src/sync/fake/random.ts';
import type { SlackChannel, SlackMessage, SlackUser } from '../types.ts';

export interface ChannelData {
  channel: SlackChannel;
  /** Top-level messages (thread parents included), any order. */
  messages: SlackMessage[];
  /** Replies by their parent's ts, oldest first. */
  replies: Record<string, SlackMessage[]>;
}

/** What the fake serves: a workspace, its users, and channels with their history. */
export interface SlackDataset {
  token: string;
  team: { id: string; name: string; url: string };
  /** The user behind the token. */
  userId: string;
  users: SlackUser[];
  channels: ChannelData[];
}

export const fakeToken = 'xoxp-fake-0123456789-0123456789012-abcdefabcdefabcdefabcdef';
const teamId = 'T04ACME01';
const end = Date.parse('2026-11-20T12:00:00Z') / 1000;
const day = 86_400;

export function userId(index: number): string {
  return `U0${(100_000 + index * 7919).toString(36).toUpperCase().padStart(8, '0')}`;
}

function userObject(person: Person, index: number, random: SeededRandom): SlackUser {
  const displayName = random.chance(0.7) ? person.name : '';
  return {
    id: userId(index), team_id: teamId, name: person.login.replace('-', '.'), deleted: false, color: '9f69e7', real_name: person.name, tz: 'Europe/Berlin',
    tz_label: 'Central European Time', tz_offset: 3600, is_admin: index === 0, is_owner: index === 0, is_bot: false, is_app_user: false, updated: 1_700_000_000,
    profile: { real_name: person.name, display_name: displayName, real_name_normalized: person.name, display_name_normalized: displayName, email: person.email, team: teamId, image_72: `https://avatars.slack-edge.com/${index}_72.png` },
  };
}

const channelNames: [string, boolean, string][] = [
  ['general', false, 'Company-wide announcements'], ['engineering', false, 'Engineering chat'], ['incidents', false, 'Production incidents, one thread each'],
  ['deploys', false, 'Deploy notifications and rollbacks'], ['support', false, 'Customer issues escalated from support'], ['design-reviews', true, 'Design critiques'],
  ['random', false, 'Anything goes'], ['sales', false, 'Deals and pipeline (the token\'s user is not a member)'],
];

function channelObject(name: string, index: number, isPrivate: boolean, purpose: string, creator: string): SlackChannel {
  return {
    id: `C0${(200_000 + index * 104_729).toString(36).toUpperCase().padStart(8, '0')}`, name, name_normalized: name, is_channel: !isPrivate, is_group: isPrivate,
    is_im: false, is_mpim: false, is_private: isPrivate, created: end - 800 * day, is_archived: false, is_general: name === 'general', unlinked: 0,
    is_shared: false, is_org_shared: false, is_ext_shared: false, is_pending_ext_shared: false, is_member: name !== 'sales', creator,
    topic: { value: '', creator: '', last_set: 0 }, purpose: { value: purpose, creator, last_set: end - 800 * day }, num_members: 24, previous_names: [],
  };
}

const openers: readonly ((mention: string, random: SeededRandom) => string)[] = [
  (mention) => `Deploy of api v2.${14 + (mention.length % 9)} failed on the canary, rolling back. ${mention} can you take a look?`,
  () => 'Is anyone else seeing 502s from the billing service? Started around 10:40.',
  (mention) => `Heads up: the Postgres upgrade is scheduled for Thursday 22:00 UTC. ${mention} owns the runbook.`,
  (_mention, random) => `PR for the token refresh fix is up: <https://github.com/acme/api/pull/${random.int(100, 2000)}|acme/api#${random.int(100, 2000)}>`,
  () => 'Customer reports invoices are missing the VAT number since yesterday &amp; wants a corrected PDF.',
  (mention) => `${mention} quick question: do we still need the legacy webhook signature header?`,
  () => 'Incident: search latency p99 is above 4s. Investigating in this thread.',
  () => 'New onboarding flow mockups are in Figma, feedback welcome by Friday.',
  () => 'Reminder: retro at 15:00, add your notes to the doc.',
  (_mention, random) => `Flaky test again: \`test_webhook_retry\` failed ${random.int(2, 6)} times today on main.`,
];
const answers = [
  'Looking now.', 'Rolled back, error rate is back to normal.', 'I think it is the connection pool size, bumping it to 40.',
  'Confirmed on my side too.', 'Fixed in the latest deploy, please re-check.', 'Can we get a postmortem for this?', 'Thanks, merging after CI.',
  'I will pair with support on the customer follow-up.', '+1, same here', 'Moving this to a Linear issue so it does not get lost.',
];

const ts = (seconds: number, sequence: number) => `${Math.floor(seconds)}.${String(sequence % 1_000_000).padStart(6, '0')}`;

/** A deterministic workspace: the shared fake team, busy channels, threads, edits and files. */
export function generateDataset(options: { messages: number; seed?: number }): SlackDataset {
  const random = new SeededRandom(options.seed ?? 1);
  const users = people.slice(0, 24).map((person, index) => userObject(person, index, random));
  const channels = channelNames.map(([name, isPrivate, purpose], index) => ({
    channel: channelObject(name, index, isPrivate, purpose, users[0]!.id!), messages: [] as SlackMessage[], replies: {} as Record<string, SlackMessage[]>,
  }));
  let sequence = 0;
  for (let i = 0; i < options.messages; i++) {
    const data = random.pick(channels);
    const at = end - random.next() * 60 * day;
    const author = random.pick(users);
    const mention = `<@${random.pick(users).id}>`;
    const parentTs = ts(at, ++sequence);
    const message: SlackMessage = { type: 'message', user: author.id, text: random.pick(openers)(mention, random), ts: parentTs };
    if (random.chance(0.05)) message.files = [{ id: `F0${sequence}`, name: random.pick(['error.png', 'trace.txt', 'mockup.fig', 'invoice.pdf']), title: 'Attachment' }];
    if (random.chance(0.1)) message.edited = { user: author.id, ts: ts(at + 120, ++sequence) };
    if (random.chance(0.35)) {
      const count = random.int(1, 8);
      const replies = Array.from({ length: count }, (_, r): SlackMessage => ({
        type: 'message', user: random.pick(users).id, text: random.pick(answers), ts: ts(at + (r + 1) * random.int(60, 3600), ++sequence), thread_ts: parentTs,
      })).sort((a, b) => Number(a.ts) - Number(b.ts));
      Object.assign(message, {
        thread_ts: parentTs, reply_count: count, latest_reply: replies.at(-1)!.ts,
        reply_users: [...new Set(replies.map((reply) => reply.user!))], reply_users_count: new Set(replies.map((reply) => reply.user)).size,
      });
      data.replies[parentTs] = replies;
    }
    data.messages.push(message);
  }
  return { token: fakeToken, team: { id: teamId, name: 'Acme', url: 'https://acme.slack.com/' }, userId: users[0]!.id!, users, channels };
}

/**
 * The workspace in `fixtures/`: raw Web API answers (`users.list.json`,
 * `conversations.list.json`, `conversations.history.<channel>.json`,
 * `conversations.replies.<channel>.<ts>.json`).
 */
export function fixtureDataset(dir = join(import.meta.dirname, '..', 'fixtures')): SlackDataset {
  const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
  const users = read('users.list.json').members as SlackUser[];
  const channels = (read('conversations.list.json').channels as SlackChannel[]).map((channel): ChannelData => {
    const messages = channel.is_member ? (read(`conversations.history.${channel.name}.json`).messages as SlackMessage[]) : [];
    const replies: Record<string, SlackMessage[]> = {};
    for (const message of messages) {
      if ((message.reply_count ?? 0) > 0) replies[message.ts!] = (read(`conversations.replies.${channel.name}.${message.ts}.json`).messages as SlackMessage[]).slice(1);
    }
    return { channel, messages, replies };
  });
  return { token: fakeToken, team: { id: teamId, name: 'Acme', url: 'https://acme.slack.com/' }, userId: users[0]!.id!, users, channels };
}
