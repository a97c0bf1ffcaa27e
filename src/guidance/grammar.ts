import type { CompiledQuery } from './query.ts';

/**
 * The words every integration shares: negation, filler, "me", ownership, sort and
 * limit, and the verbs that say which date a phrase is about. Integration-specific
 * words come from each connector's vocabulary and win over these.
 */
export const negations = [
  'not', 'no', 'without', 'excluding', 'exclude', 'except', 'non', 'never', 'other than', 'but not', 'minus',
  'apart from', 'aside from', 'ignoring', 'ignore', 'skip', 'skipping', 'hide', 'hiding', 'neither', 'nor', 'w/o',
];

/** Words that carry no condition; dropped silently. */
export const fillers = [
  'the', 'a', 'an', 'all', 'any', 'every', 'each', 'that', 'which', 'who', 'whose', 'where', 'what', 'when', 'there',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'have', 'has', 'had', 'do', 'does', 'did', 'will', 'would',
  'should', 'could', 'can', 'still', 'currently', 'already', 'yet', 'only', 'just', 'also', 'either', 'both',
  'with', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'about', 'regarding', 'concerning', 'related to', 'around',
  'into', 'as', 'so', 'than', 'then', 'some', 'these', 'those', 'this', 'them', 'they', 'it', 'its', 'their', 'we', 'our',
  'you', 'your', 'he', 'she', 'his', 'her', 'one', 'ones', 'item', 'stuff', 'thing', 'anything', 'please', 'folder', 'file',
  'show', 'show me', 'list', 'find', 'find me', 'get', 'get me', 'give me', 'see', 'display', 'want', 'need to see', 'i want',
  'i need', 'looking for', 'look for', 'kept', 'keep', 'track', 'tracking', 'put', 'here', 'like', 'such', 'very', 'really',
  'who are', 'that are', 'which are', 'currently', 'right now', 'now', 'ever', 'other', 'more', 'most', 'lot', 'lots',
  'happened', 'happening', 'going on', 'discussed', 'talked about', 'talking about', 'mentioned in',
];

/**
 * Nouns people put after a topic ("security alerts", "login problems", "feature
 * requests"): searched for only when nothing else in the guidance is.
 */
export const softNouns = [
  'related', 'problem', 'issue', 'report', 'request', 'alert', 'notification', 'discussion', 'topic', 'matter', 'question',
  'conversation', 'material', 'document', 'doc', 'file', 'item', 'entry', 'record', 'work',
];

export const meWords = ['me', 'myself', 'i', 'us', 'mine'];

/** In a person's place: "assigned to anyone" means the field has a value, "to nobody" that it has none. */
export const anyoneWords = ['anyone', 'anybody', 'someone', 'somebody', 'any one'];
export const nobodyWords = ['nobody', 'noone', 'no one', 'none'];

/** "my" and "I created" name the vocabulary's owner field. */
export const ownerPhrases = [
  'my', 'mine', 'i created', 'i opened', 'i wrote', 'i authored', 'i made', 'i started', 'i filed', 'i own', 'i posted',
  'i submitted', 'i raised', 'i reported', 'i have created', 'i have opened', 'i have written', 'i am the author of',
  'i am author of', 'owned by me', 'created by me', 'written by me', 'authored by me', 'opened by me', 'made by me',
];

export const everything = ['everything', 'all item', 'anything at all', 'every item', 'all of them'];

export const dateVerbs: Readonly<Record<string, 'created' | 'updated'>> = {
  created: 'created', opened: 'created', filed: 'created', made: 'created', started: 'created', written: 'created',
  sent: 'created', received: 'created', posted: 'created', submitted: 'created', raised: 'created', added: 'created',
  reported: 'created', published: 'created', new: 'created', 'came in': 'created', arrived: 'created', logged: 'created',
  updated: 'updated', modified: 'updated', edited: 'updated', changed: 'updated', touched: 'updated', active: 'updated',
  'last updated': 'updated', 'last modified': 'updated', 'last edited': 'updated', 'last changed': 'updated',
};

type Sort = CompiledQuery['sort'];

const newest: Sort = { by: 'updated', order: 'desc' };
const oldest: Sort = { by: 'updated', order: 'asc' };

export const sorts: Readonly<Record<string, Sort>> = {
  'newest first': newest, 'latest first': newest, 'most recent first': newest, 'recent first': newest,
  'newest': newest, 'latest': newest, 'most recent': newest, 'most recently updated': newest,
  'oldest first': oldest, 'oldest': oldest, 'least recently updated': oldest,
  'alphabetically': { by: 'title', order: 'asc' }, 'by title': { by: 'title', order: 'asc' },
  'sorted by title': { by: 'title', order: 'asc' }, 'by name': { by: 'title', order: 'asc' },
  'newest created first': { by: 'created', order: 'desc' }, 'by creation date': { by: 'created', order: 'desc' },
};

/** Words before a number that make it a limit: "top 10", "first 5", "latest 20". */
export const limitLeads: Readonly<Record<string, Sort | null>> = {
  top: null, first: null, latest: newest, newest, last: newest, 'up to': null, 'at most': null, limit: null,
  'no more than': null, 'most recent': newest, oldest, earliest: oldest,
};

/** Words after a number that make it a limit: "10 most recent", "5 oldest". */
export const limitTails: Readonly<Record<string, Sort | null>> = {
  'most recent': newest, latest: newest, newest, 'most recently updated': newest, oldest, earliest: oldest, top: null,
};

export const numberWords: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, fifteen: 15,
  twenty: 20, thirty: 30, fifty: 50, hundred: 100,
};
