import type { Vocabulary } from '../../src/sync/connector.ts';

const mentionsMe = { where: { mentions: { person: 'me' } } } as const;
const involvesMe = { where: { participants: { person: 'me' } } } as const;
const withFiles = { where: { has_files: true } } as const;
const byMe = { where: { author: { person: 'me' } } } as const;

/** Words Slack guidance may use (see src/guidance/vocabulary.ts). */
export const vocabulary: Vocabulary = {
  // A thread starts with a message: "messages" are both, "threads" only threads.
  kinds: {
    conversation: 'thread', discussion: 'thread', 'thread reply': 'thread',
    message: ['thread', 'message'], post: ['thread', 'message'], chat: ['thread', 'message'],
  },
  phrases: {
    'mentioning me': mentionsMe, 'mentions me': mentionsMe, 'mention me': mentionsMe, 'i am mentioned': mentionsMe,
    'i was mentioned': mentionsMe, 'i am mentioned in': mentionsMe, 'i was mentioned in': mentionsMe, 'where i am mentioned': mentionsMe,
    'where i was mentioned': mentionsMe, 'that mention me': mentionsMe, 'i was tagged': mentionsMe, 'i was tagged in': mentionsMe,
    'tagging me': mentionsMe, 'pinging me': mentionsMe, 'i was pinged': mentionsMe,
    'i participated in': involvesMe, 'i took part in': involvesMe, 'i am in': involvesMe, 'i was in': involvesMe,
    'i replied to': involvesMe, 'i replied in': involvesMe, 'i replied': involvesMe, 'i am part of': involvesMe, 'i joined': involvesMe,
    'involving me': involvesMe, 'i was involved in': involvesMe, 'i am involved in': involvesMe, 'i commented on': involvesMe,
    'i posted': byMe, 'i wrote': byMe, 'i sent': byMe, 'i started': byMe,
    file: withFiles, 'with file': withFiles, attachment: withFiles, upload: withFiles, 'shared file': withFiles,
    screenshot: withFiles, 'with attachment': withFiles, 'file shared': withFiles, 'shared a file': withFiles, 'file posted': withFiles,
  },
  people: {
    from: 'author', by: 'author', 'posted by': 'author', 'written by': 'author', 'sent by': 'author', 'started by': 'author',
    mentioning: 'mentions', 'that mention': 'mentions', mention: 'mentions', 'tagging': 'mentions',
    with: 'participants', involving: 'participants', including: 'participants', between: 'participants',
  },
  namesOnly: ['with', 'including', 'between', 'mention'],
  before: { 'in channel': 'channel', 'in the channel': 'channel', channel: 'channel', 'posted in': 'channel' },
  after: { channel: 'channel' },
  owner: 'author',
  facets: ['channel'],
  shapes: { channel: /^#([\w-]+)$/ },
  synonyms: {
    outage: ['incident', 'downtime', 'down', 'sev1'],
    incident: ['outage', 'sev1', 'sev2', 'postmortem'],
    deploy: ['deployment', 'release', 'rollout', 'rollback'],
    release: ['deploy', 'rollout', 'launch'],
    bug: ['broken', 'error', 'crash'],
    error: ['exception', 'failing', 'failed'],
    question: ['anyone know', 'how do'],
  },
};
