import type { Vocabulary } from '../../src/sync/connector.ts';

const fileType = (type: string) => ({ where: { file_type: type } }) as const;

/** Words Google Drive guidance may use (see src/guidance/vocabulary.ts). */
export const vocabulary: Vocabulary = {
  phrases: {
    'google doc': fileType('document'), doc: fileType('document'), document: fileType('document'), 'word document': fileType('document'),
    'text document': fileType('document'), writeup: fileType('document'), 'write up': fileType('document'),
    spreadsheet: fileType('spreadsheet'), sheet: fileType('spreadsheet'), 'google sheet': fileType('spreadsheet'),
    excel: fileType('spreadsheet'), 'excel file': fileType('spreadsheet'), csv: fileType('spreadsheet'),
    presentation: fileType('presentation'), slide: fileType('presentation'), 'slide deck': fileType('presentation'),
    deck: fileType('presentation'), 'google slide': fileType('presentation'), powerpoint: fileType('presentation'),
    pdf: fileType('pdf'), 'pdf file': fileType('pdf'),
    image: fileType('image'), photo: fileType('image'), picture: fileType('image'), screenshot: fileType('image'),
    png: fileType('image'), jpg: fileType('image'), jpeg: fileType('image'), diagram: fileType('image'),
    folder: fileType('folder'), directory: fileType('folder'),
    starred: { where: { starred: true } },
    favorite: { where: { starred: true } },
    unstarred: { where: { starred: false } },
    'shared with me': { where: { shared_with_me: true } },
    'others shared with me': { where: { shared_with_me: true } },
    'people shared with me': { where: { shared_with_me: true } },
    'i own': { where: { owner: { person: 'me' } } },
    'owned by me': { where: { owner: { person: 'me' } } },
    'not shared with me': { where: { shared_with_me: false } },
    'in my drive': { where: { shared_with_me: false } },
  },
  people: { 'owned by': 'owner', by: 'owner', from: 'owner', 'shared by': 'owner', 'created by': 'owner', 'uploaded by': 'owner', 'written by': 'owner' },
  before: { 'in folder': 'folder', 'in the folder': 'folder', 'inside': 'folder', 'under': 'folder', 'in shared drive': 'shared_drive', 'in the shared drive': 'shared_drive' },
  after: { folder: 'folder', 'shared drive': 'shared_drive', 'team drive': 'shared_drive', drive: 'shared_drive' },
  owner: 'owner',
  facets: ['folder', 'shared_drive'],
  synonyms: {
    invoice: ['receipt', 'bill', 'billing'],
    contract: ['agreement', 'nda', 'msa', 'sow'],
    spec: ['specification', 'design doc', 'rfc', 'proposal'],
    roadmap: ['plan', 'planning'],
    budget: ['forecast', 'financial', 'finance'],
    resume: ['cv'],
    notes: ['minutes', 'notes'],
    report: ['summary', 'review'],
  },
};
