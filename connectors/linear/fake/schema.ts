/**
 * The part of Linear's GraphQL schema the connector reads, with Linear's own
 * names and types (Floats for numbers, DateTime scalars, Relay connections),
 * so the fake validates queries as Linear does and refuses unknown fields.
 */
export const schemaSource = `
  scalar DateTime
  scalar TimelessDate

  enum PaginationOrderBy { createdAt updatedAt }

  input DateComparator { eq: DateTime, gt: DateTime, gte: DateTime, lt: DateTime, lte: DateTime }
  input IssueIDComparator { eq: ID, in: [ID!], neq: ID, nin: [ID!] }
  input IssueFilter { id: IssueIDComparator, updatedAt: DateComparator, createdAt: DateComparator, and: [IssueFilter!], or: [IssueFilter!] }
  input CommentFilter { updatedAt: DateComparator }

  type PageInfo { hasNextPage: Boolean!, hasPreviousPage: Boolean!, startCursor: String, endCursor: String }

  type User { id: ID!, name: String!, displayName: String!, email: String!, active: Boolean!, createdAt: DateTime! }
  type Team { id: ID!, key: String!, name: String! }
  type WorkflowState { id: ID!, name: String!, type: String!, color: String!, position: Float! }
  type IssueLabel { id: ID!, name: String!, color: String! }
  type IssueLabelConnection { nodes: [IssueLabel!]!, pageInfo: PageInfo! }
  type Cycle { id: ID!, number: Float!, name: String, startsAt: DateTime!, endsAt: DateTime! }
  type Project { id: ID!, name: String!, state: String! }
  type Comment { id: ID!, body: String!, createdAt: DateTime!, updatedAt: DateTime!, archivedAt: DateTime, issueId: String, user: User }
  type CommentConnection { nodes: [Comment!]!, pageInfo: PageInfo! }

  type Issue {
    id: ID!
    identifier: String!
    number: Float!
    title: String!
    description: String
    priority: Float!
    priorityLabel: String!
    url: String!
    branchName: String!
    createdAt: DateTime!
    updatedAt: DateTime!
    archivedAt: DateTime
    trashed: Boolean
    startedAt: DateTime
    completedAt: DateTime
    canceledAt: DateTime
    dueDate: TimelessDate
    estimate: Float
    state: WorkflowState!
    assignee: User
    creator: User
    team: Team!
    labels(first: Int, after: String): IssueLabelConnection!
    cycle: Cycle
    project: Project
    comments(first: Int, after: String): CommentConnection!
  }
  type IssueConnection { nodes: [Issue!]!, pageInfo: PageInfo! }

  type Query {
    viewer: User!
    issue(id: String!): Issue!
    issues(first: Int, after: String, last: Int, before: String, filter: IssueFilter, orderBy: PaginationOrderBy, includeArchived: Boolean): IssueConnection!
    comments(first: Int, after: String, last: Int, before: String, filter: CommentFilter, orderBy: PaginationOrderBy, includeArchived: Boolean): CommentConnection!
  }
`;
