import { commentsQuery, issuePageSize, issuesQuery } from '../queries.ts';
import type { Connection, LinearComment, LinearIssue, LinearThread } from '../types.ts';
import type { LinearFake } from './server.ts';

/** Every live issue with all its comments, as the connector's own queries read them from the fake. */
export function threadsOf(fake: LinearFake): LinearThread[] {
  const threads: LinearThread[] = [];
  for (let after: string | null = null, more = true; more;) {
    const { issues } = fake.execute(issuesQuery, { first: issuePageSize, after, includeArchived: false }) as { issues: Connection<LinearIssue> };
    for (const issue of issues.nodes) {
      const comments = [...issue.comments.nodes];
      for (let page = issue.comments.pageInfo; page.hasNextPage;) {
        const data = fake.execute(commentsQuery, { id: issue.id, after: page.endCursor }) as { issue: { comments: Connection<LinearComment> } };
        comments.push(...data.issue.comments.nodes);
        page = data.issue.comments.pageInfo;
      }
      threads.push({ issue, comments });
    }
    after = issues.pageInfo.endCursor;
    more = issues.pageInfo.hasNextPage;
  }
  return threads;
}
