import { Type } from 'typebox';
import type { Services } from '../../services/index.ts';
import { smartFolderPath } from '../../services/smart-folders.ts';
import { nullableString, workspaceParams } from '../schemas.ts';
import type { Api } from '../server.ts';

const params = Type.Object({ ...workspaceParams.properties, folderId: Type.String({ minLength: 1, maxLength: 100 }) });
const strings = Type.Array(Type.String());
/** `{}`: any JSON, written as is (the compiled query has its own schema, src/guidance/query.ts). */
const anyJson = Type.Unsafe<unknown>({});

const explanationSchema = Type.Object({
  folder_id: Type.String(),
  path: Type.String(),
  guidance: nullableString,
  filter: anyJson,
  source: Type.Enum(['compiler', 'model', 'filter']),
  query: anyJson,
  readable: Type.String(),
  understood: Type.Array(Type.Object({ words: Type.String(), meaning: Type.String() })),
  text_terms: strings,
  ignored: strings,
  problems: strings,
  usable: Type.Boolean(),
  model: anyJson,
  resolved: anyJson,
  match_count: Type.Integer(),
  evaluated_at: nullableString,
});

/** GET …/smart-folders/:folderId/explain: how the folder's guidance or filter was understood, and what it matches. */
export function folderExplainRoutes(api: Api, { smartFolders }: Services): void {
  api.get('/workspaces/:workspaceId/smart-folders/:folderId/explain', {
    schema: { params, response: { 200: explanationSchema } },
  }, async (request) => {
    const { workspaceId, folderId } = request.params;
    const { folder, explanation } = smartFolders.explain(request.principal, workspaceId, folderId);
    return {
      folder_id: folder.externalId,
      path: smartFolderPath(folder),
      guidance: folder.guidance,
      filter: folder.filter === null ? null : JSON.parse(folder.filter),
      ...explanation,
    };
  });
}
