import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { inlineLimit } from '../../src/store/blobs.ts';
import { fakeOAuth } from '../../src/sync/fake/google.ts';
import { runsAgainst } from '../../test/helpers/connector-run.ts';
import { generateDataset } from './fake/dataset.ts';
import { DriveFake } from './fake/server.ts';
import { exports } from './formats.ts';
import { gdrive } from './index.ts';

describe('gdrive sync against the fake', () => {
  const fake = new DriveFake(generateDataset({ files: 260, seed: 8 }));
  const { runs, store, connectionId } = runsAgainst(gdrive, fake);

  async function sync(extra: Record<string, string> = {}, id = connectionId) {
    fake.clearLog();
    const result = await runs.run(id, { accessToken: fakeOAuth.accessToken, extra: { baseUrl: fake.url, ...extra } });
    return { ...result, routes: fake.requests.map((request) => request.route) };
  }

  it('lists every file of every drive, exports Google files and downloads the others once each', async () => {
    const { state, cursor, summary, routes } = await sync();
    assert.equal(state.status, 'ok', state.lastError ?? '');
    const files = fake.files();
    assert.equal(summary.added, files.length);
    const google = files.filter(({ file }) => file.mimeType! in exports);
    assert.equal(routes.filter((route) => route === 'files.export').length, google.length);
    for (const request of fake.requests.filter((entry) => entry.route === 'files.export')) {
      assert.match(request.query.get('mimeType')!, /^text\/(markdown|csv|plain)$/);
    }
    assert.equal(fake.requests.filter((request) => request.route === 'files.get' && request.query.get('alt') === 'media').length, files.length - google.length);
    assert.ok(fake.requests.filter((request) => request.route === 'files.list').every((request) => request.query.get('corpora') === 'allDrives'));
    assert.equal(routes.filter((route) => route === 'drives.list').length, 1);
    assert.deepEqual(Object.keys(cursor), ['changes']);
    const slides = files.find(({ file }) => file.mimeType === 'application/vnd.google-apps.presentation')!;
    const stored = store.items.find(connectionId, 'file', slides.file.id!)!;
    assert.equal(stored.fileName, `${slides.file.name}.txt`);
    assert.deepEqual(stored.content, slides.content);
    assert.deepEqual(JSON.parse(store.connections.findById(connectionId)!.account!), { id: 'maria.chen@acme.dev', name: 'Maria Chen', email: 'maria.chen@acme.dev' });
  });

  it('costs one changes request when nothing changed', async () => {
    const { summary, routes } = await sync();
    assert.deepEqual(summary, { added: 0, updated: 0, unchanged: 0, deleted: 0 });
    assert.deepEqual(routes, ['changes.list']);
  });

  it('downloads only edited and added files, and tombstones trashed and removed ones', async () => {
    const [edited, trashed, removed] = fake.files();
    fake.edit(edited!.file.id!, 'new content');
    fake.add({ id: '1AddedLater', name: 'photo.png', mimeType: 'image/png', parents: ['1FolderDesign'], size: '3' }, 'png');
    fake.trash(trashed!.file.id!);
    fake.remove(removed!.file.id!);
    const { summary, routes } = await sync();
    assert.deepEqual(summary, { added: 1, updated: 1, unchanged: 0, deleted: 2 });
    assert.equal(routes.filter((route) => route === 'files.list').length, 0);
    assert.ok(routes.filter((route) => route === 'files.get' || route === 'files.export').length <= 4, routes.join(' '));
    assert.equal(store.items.find(connectionId, 'file', '1AddedLater')!.content?.toString(), 'png');
    for (const gone of [trashed!, removed!]) assert.notEqual(store.items.find(connectionId, 'file', gone.file.id!)!.deletedAt, null);
  });

  it('refiles the files of a renamed folder, whose own times do not move, without downloading them again', async () => {
    const folder = '1FolderDesign';
    const inside = fake.files().filter(({ file }) => file.parents?.[0] === folder);
    assert.ok(inside.length > 1);
    const modified = inside.map(({ file }) => file.modifiedTime);
    const before = inside.map(({ file }) => store.items.find(connectionId, 'file', file.id!)!);
    const filed = (name: string) => (store.db.prepare(`SELECT count(*) AS count FROM item_values WHERE connection_id = ? AND field = 'folder' AND value = ?`)
      .get(connectionId, name.toLowerCase()) as { count: number }).count;
    const oldName = fake.folderNames().get(folder)!;
    assert.equal(filed(oldName), inside.length);
    fake.rename(folder, 'Design (2026)');
    assert.deepEqual(fake.files().filter(({ file }) => file.parents?.[0] === folder).map(({ file }) => file.modifiedTime), modified);
    const { summary, routes } = await sync();
    assert.deepEqual(summary, { added: 0, updated: inside.length, unchanged: 0, deleted: 0 });
    assert.deepEqual(fake.requests.filter((request) => request.route === 'files.list').map((request) => request.query.get('q')), [`'${folder}' in parents and trashed = false`]);
    assert.ok(!fake.requests.some((request) => request.query.get('alt') === 'media') && !routes.includes('files.export'), 'nothing downloaded');
    inside.forEach(({ file }, i) => {
      const item = store.items.find(connectionId, 'file', file.id!)!;
      assert.equal(JSON.parse(item.metadata).folder, 'Design (2026)');
      assert.deepEqual([item.content, item.body, item.title], [before[i]!.content, before[i]!.body, before[i]!.title], 'bytes and text kept');
    });
    assert.deepEqual([filed('Design (2026)'), filed(oldName)], [inside.length, 0], 'smart folders see the new name');
    assert.deepEqual((await sync()).routes, ['changes.list']);
  });

  it('spools a file over the inline limit to a blob file, reads it back by range, and sweeps it once unused', async () => {
    const video = Buffer.alloc(inlineLimit * 3 + 12_345);
    for (let i = 0; i + 4 <= video.length; i += 4) video.writeUInt32LE(i, i);
    fake.add({ id: '1LargeRecording', name: 'all-hands.mp4', mimeType: 'video/mp4', parents: ['1FolderDesign'], size: String(video.length) }, video);
    const { summary } = await sync();
    assert.equal(summary.added, 1);
    const row = store.db.prepare('SELECT id, content, content_blob AS blob, content_size AS size FROM items WHERE external_id = ?')
      .get('1LargeRecording') as { id: number; content: Buffer | null; blob: string; size: number };
    assert.equal(row.content, null, 'the bytes are not in the row');
    assert.equal(row.size, video.length);
    assert.equal(row.blob, createHash('sha256').update(video).digest('hex'));
    assert.deepEqual(await store.items.read(row.id, 0, video.length + 10), video);
    assert.deepEqual(await store.items.read(row.id, inlineLimit - 3, 70_000), video.subarray(inlineLimit - 3, inlineLimit - 3 + 70_000));
    const blobFile = join(runs.dataDir, 'blobs', row.blob.slice(0, 2), row.blob);
    assert.deepEqual(readFileSync(blobFile), video);

    fake.edit('1LargeRecording', 'replaced by a short note');
    await sync();
    assert.deepEqual(await store.items.read(row.id, 0, 100), Buffer.from('replaced by a short note'));
    assert.equal(await store.blobs.sweep(store.items.blobHashes()), 0, 'a recent blob may belong to a page in flight');
    assert.equal(await store.blobs.sweep(store.items.blobHashes(), Date.now() + 2 * 3_600_000), 1);
    assert.equal(existsSync(blobFile), false);
  });

  it('leaves out files over extra.maxFileMB without downloading them', async () => {
    const small = runs.connection();
    const { state } = await sync({ maxFileMB: '0.00003' }, small);
    assert.equal(state.status, 'ok');
    const limit = 0.00003 * 1_048_576;
    const large = fake.files().filter(({ file }) => Number(file.size ?? 0) > limit);
    assert.ok(large.length > 0);
    for (const { file } of large) assert.equal(store.items.find(small, 'file', file.id!), undefined, file.name!);
    assert.ok(!fake.requests.some((request) => large.some(({ file }) => request.path.endsWith(file.id!))));
  });
});
