import { fixtureDataset, generateDataset } from '../../../connectors/gdrive/fake/dataset.ts';
import { DriveFake } from '../../../connectors/gdrive/fake/server.ts';
import { mapFile } from '../../../connectors/gdrive/map.ts';
import { fakeOAuth } from '../../../src/sync/fake/google.ts';
import type { ConnectorCase } from './case.ts';

export const gdriveCase: ConnectorCase<DriveFake> = {
  integration: 'gdrive',
  fake: (size) => new DriveFake(size === 'fixtures' ? fixtureDataset() : generateDataset({ files: size, seed: size })),
  connection: (fake) => ({
    integrationType: 'gdrive', accessToken: fakeOAuth.accessToken, refreshToken: fakeOAuth.refreshToken,
    extra: { baseUrl: fake.url, tokenUrl: `${fake.url}/token`, clientId: fakeOAuth.clientId, clientSecret: fakeOAuth.clientSecret, requestsPerSecond: '0' },
  }),
  expected: (fake) => fake.files().map(({ file, content }) => mapFile(file, { content, head: content }, { folders: fake.folderNames(), drives: fake.driveNames() })),
  change(fake) {
    const [first, second, third] = fake.files();
    fake.edit(first!.file.id!, `${first!.content.toString()}\nEdited after review.\n`);
    fake.add({ id: '1NewFileAddedLater', name: 'Offsite agenda', mimeType: 'application/vnd.google-apps.document', parents: ['1FolderNotes'] }, '# Offsite agenda\n');
    fake.trash(second!.file.id!);
    fake.remove(third!.file.id!);
    return { changed: 2, deleted: { kind: 'file', externalId: second!.file.id! } };
  },
  deletionsSeenBy: 'incremental',
  // One page of changes.
  idleRequests: () => 1,
  // Besides that: each changed file's bytes, its parent folder's name, and the shared drives' names.
  changedRequests: (_fake, changes) => 1 + changes.changed * 2 + 1,
  detailRoutes: ['files.get', 'files.export'],
  isListingRequest: (request) => request.route === 'files.list',
  listingPages: (fake) => Math.max(1, Math.ceil((fake.files().length + fake.folderNames().size) / 100)),
  resumeSlowMs: 2,
};
