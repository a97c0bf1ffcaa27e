/**
 * The GraphQL documents the connector sends through the SDK's client. One
 * query fetches a page of issues with everything a file needs (state, people,
 * team, labels, cycle, project, first comments), so a page costs one request;
 * page sizes keep each query under Linear's complexity limit.
 */
export const issuePageSize = 50;
export const commentPageSize = 20;

const issueFields = `
  id identifier number title description priority priorityLabel url
  createdAt updatedAt archivedAt trashed completedAt canceledAt dueDate estimate
  state { name type }
  assignee { name displayName email }
  creator { name displayName email }
  team { key name }
  labels(first: 25) { nodes { name } }
  cycle { number name startsAt endsAt }
  project { name }
  comments(first: ${commentPageSize}) { nodes { id body createdAt user { name displayName } } pageInfo { hasNextPage endCursor } }
`;

export const viewerQuery = 'query Viewer { viewer { id name displayName email } }';

/** Issues newest-updated first; `filter` narrows to changes, `includeArchived` brings archived and trashed ones (deletions). */
export const issuesQuery = `query Issues($first: Int!, $after: String, $filter: IssueFilter, $includeArchived: Boolean) {
  issues(first: $first, after: $after, filter: $filter, orderBy: updatedAt, includeArchived: $includeArchived) {
    nodes { ${issueFields} }
    pageInfo { hasNextPage endCursor }
  }
}`;

/**
 * Comments changed after a time, newest first, deleted (archived) ones
 * included: only their issues are wanted, to be read again whole.
 */
export const changedCommentsQuery = `query ChangedComments($first: Int!, $after: String, $filter: CommentFilter) {
  comments(first: $first, after: $after, filter: $filter, orderBy: updatedAt, includeArchived: true) {
    nodes { issueId updatedAt }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The comments past the first page, for the rare issue with more. */
export const commentsQuery = `query IssueComments($id: String!, $after: String) {
  issue(id: $id) {
    comments(first: 100, after: $after) { nodes { id body createdAt user { name displayName } } pageInfo { hasNextPage endCursor } }
  }
}`;
