import type { Vocabulary } from '../../src/sync/connector.ts';

const editedByMe = { where: { edited_by: { person: 'me' } } } as const;

/** Words Notion guidance may use (see src/guidance/vocabulary.ts). */
export const vocabulary: Vocabulary = {
  // Every Notion row is a page too: "docs" and "notes" are either; "pages" are pages.
  kinds: {
    'database entry': 'database_row', 'db row': 'database_row', record: 'database_row', 'wiki page': 'page', article: 'page',
    doc: ['page', 'database_row'], document: ['page', 'database_row'], note: ['page', 'database_row'],
  },
  phrases: {
    'in progress': { where: { status: 'In progress' } },
    'not started': { where: { status: 'Not started' } },
    done: { where: { status: 'Done' } },
    completed: { where: { status: 'Done' } },
    'i edited': editedByMe, 'i last edited': editedByMe, 'i updated': editedByMe, 'i changed': editedByMe, 'i touched': editedByMe,
    'edited by me': editedByMe, 'last edited by me': editedByMe,
    untagged: { where: { tags: { present: false } } },
  },
  people: {
    by: 'author', from: 'author', 'created by': 'author', 'written by': 'author', 'authored by': 'author', 'made by': 'author',
    'edited by': 'edited_by', 'last edited by': 'edited_by', 'updated by': 'edited_by', 'modified by': 'edited_by', 'changed by': 'edited_by',
  },
  before: {
    'in database': 'database', 'in the database': 'database', 'from database': 'database',
    tagged: 'tags', 'with tag': 'tags', 'with the tag': 'tags', tag: 'tags', labeled: 'tags', labelled: 'tags',
    'with status': 'status', status: 'status', 'marked as': 'status', 'marked': 'status',
    under: 'parent', inside: 'parent', 'child of': 'parent', 'subpage of': 'parent', 'sub-page of': 'parent', 'nested under': 'parent',
  },
  after: { database: 'database', db: 'database', table: 'database', tag: 'tags', wiki: 'parent', section: 'parent' },
  owner: 'author',
  facets: ['database', 'status', 'tags', 'parent'],
  synonyms: {
    meeting: ['standup', 'sync', 'retro', 'minutes'],
    spec: ['rfc', 'design doc', 'proposal', 'specification'],
    roadmap: ['plan', 'planning'],
    onboarding: ['new hire', 'welcome'],
    okr: ['goal', 'objective', 'key result'],
    postmortem: ['post-mortem', 'incident review', 'retrospective'],
    guide: ['how to', 'howto', 'tutorial'],
  },
};
