import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureDataset } from './fake/dataset.ts';
import { folderType } from './formats.ts';
import { fileNameOf, mapFile } from './map.ts';

const dataset = fixtureDataset();
const places = {
  folders: new Map(dataset.files.filter(({ file }) => file.mimeType === folderType).map(({ file }) => [file.id!, file.name!])),
  drives: new Map(dataset.drives.map((drive) => [drive.id!, drive.name!])),
};
const mapped = (name: string) => {
  const stored = dataset.files.find(({ file }) => file.name === name)!;
  const item = mapFile(stored.file, { content: stored.content, head: stored.content }, places);
  return { stored, item, bytes: item.content as Buffer };
};

describe('gdrive map', () => {
  it('maps a PDF on a shared drive with its own bytes, folder and drive names', () => {
    const { stored, item } = mapped('Invoice 2026010.pdf');
    assert.deepEqual({ ...item, content: undefined }, {
      kind: 'file', externalId: stored.file.id, title: 'Invoice 2026010.pdf', fileName: 'Invoice 2026010.pdf', body: 'Invoice 2026010.pdf',
      metadata: {
        file_type: 'pdf', mime_type: 'application/pdf', owner: null, folder: 'Invoices', shared_drive: 'Finance Team', starred: true,
        shared_with_me: false, created: stored.file.createdTime, modified: stored.file.modifiedTime,
      },
      content: undefined, createdAt: Date.parse(stored.file.createdTime!), updatedAt: Date.parse(stored.file.modifiedTime!), fingerprint: 'Invoices',
    });
    assert.deepEqual(item.content, stored.content);
  });

  it('names a Google Doc .md and a Sheet .csv, whose rows parse with the same number of columns', () => {
    const { item: doc, bytes: docBytes } = mapped('Budget 2027 notes 3');
    assert.equal(doc.fileName, 'Budget 2027 notes 3.md');
    assert.equal(doc.metadata.file_type, 'document');
    assert.match(docBytes.toString(), /^# Budget 2027\n/);
    assert.match(doc.body, /## Decisions/);
    const { item: sheet, bytes: sheetBytes } = mapped('Roadmap budget 0');
    assert.equal(sheet.fileName, 'Roadmap budget 0.csv');
    const rows = sheetBytes.toString().trimEnd().split('\n').map((line) => line.split(','));
    assert.deepEqual(rows[0], ['Item', 'Owner', 'Amount']);
    assert.ok(rows.every((row) => row.length === 3));
  });

  it('marks a file another person owns as shared with me, and keeps names filesystem-safe', () => {
    const { item } = mapped('notes-6.txt');
    assert.equal(item.metadata.shared_with_me, true);
    assert.notEqual(item.metadata.owner, 'maria.chen@acme.dev');
    assert.equal(fileNameOf({ id: 'x', name: '../Q3/plan', mimeType: 'application/vnd.google-apps.presentation' }), '__Q3_plan.txt');
  });
});
