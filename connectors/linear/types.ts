/**
 * Linear's GraphQL objects as `queries.ts` selects them (field names and types
 * of Linear's schema; `number` and `priority` are Floats there).
 */
export interface LinearUser {
  id: string;
  name: string;
  displayName: string;
  email: string;
}

export interface LinearComment {
  id: string;
  body: string;
  createdAt: string;
  user: Pick<LinearUser, 'name' | 'displayName'> | null;
}

/** A changed comment as `changedCommentsQuery` selects it: which issue to read again. */
export interface ChangedComment {
  issueId: string | null;
  updatedAt: string;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: PageInfo;
}

export interface LinearIssue {
  id: string;
  identifier: string;
  number: number;
  title: string;
  description: string | null;
  priority: number;
  priorityLabel: string;
  url: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  trashed: boolean | null;
  completedAt: string | null;
  canceledAt: string | null;
  dueDate: string | null;
  estimate: number | null;
  state: { name: string; type: string };
  assignee: Pick<LinearUser, 'name' | 'displayName' | 'email'> | null;
  creator: Pick<LinearUser, 'name' | 'displayName' | 'email'> | null;
  team: { key: string; name: string };
  labels: { nodes: { name: string }[] };
  cycle: { number: number; name: string | null; startsAt: string; endsAt: string } | null;
  project: { name: string } | null;
  comments: Connection<LinearComment>;
}

/** An issue with every comment, whatever the page the first query got. */
export interface LinearThread {
  issue: LinearIssue;
  comments: LinearComment[];
}
