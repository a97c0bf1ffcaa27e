import type { ConversationsHistoryResponse, ConversationsListResponse, UsersListResponse } from '@slack/web-api';

type HistoryMessage = NonNullable<ConversationsHistoryResponse['messages']>[number];

/** A message as conversations.history and conversations.replies return it (the fields the connector reads). */
export type SlackMessage = Pick<HistoryMessage, 'type' | 'ts' | 'thread_ts' | 'user' | 'text' | 'subtype' | 'reply_count' | 'latest_reply' | 'bot_id' | 'username'> & {
  edited?: { user?: string; ts?: string };
  files?: { id?: string; name?: string; title?: string }[];
};

export type SlackChannel = NonNullable<ConversationsListResponse['channels']>[number];
export type SlackUser = NonNullable<UsersListResponse['members']>[number];

/** Everything one file is made of: a thread (parent and replies) or a lone message, in its channel. */
export interface SlackThread {
  channel: { id: string; name: string };
  /** The parent first, then the replies oldest first; one message for a lone message. */
  messages: SlackMessage[];
  /** Workspace URL, e.g. `https://acme.slack.com/`, for permalinks. */
  workspaceUrl: string;
}

/** User id → display name, as users.list resolves them. */
export type Directory = ReadonlyMap<string, string>;
