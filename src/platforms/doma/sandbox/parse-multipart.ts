import type { UploadedFile } from './create-receipt-file.js';

const SPEC = 'https://github.com/jaydenseric/graphql-multipart-request-spec';

/** A GraphQL multipart request taken apart, or the 400 message graphql-upload would answer. */
export type ParsedMultipart =
  | { operations: unknown; files: Array<{ path: string; value: UploadedFile }> }
  | { error: string };

/**
 * The GraphQL multipart request spec (`operations`, `map`, file parts), read with the platform's
 * upload middleware's messages. Paths in `map` are relative to the operation (`variables.data.x`).
 */
export async function parseMultipart(body: Buffer, contentType: string): Promise<ParsedMultipart> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  } catch {
    return { error: 'Invalid multipart request' };
  }
  const opsText = form.get('operations');
  if (typeof opsText !== 'string') return { error: `Missing multipart field ‘operations’ (${SPEC}).` };
  let operations: unknown;
  try {
    operations = JSON.parse(opsText);
  } catch {
    return { error: `Invalid JSON in the ‘operations’ multipart field (${SPEC}).` };
  }
  if (operations === null || typeof operations !== 'object') {
    return { error: `Invalid type for the ‘operations’ multipart field (${SPEC}).` };
  }
  const mapText = form.get('map');
  if (typeof mapText !== 'string') return { error: `Missing multipart field ‘map’ (${SPEC}).` };
  let map: unknown;
  try {
    map = JSON.parse(mapText);
  } catch {
    return { error: `Invalid JSON in the ‘map’ multipart field (${SPEC}).` };
  }
  if (map === null || typeof map !== 'object' || Array.isArray(map)) {
    return { error: `Invalid type for the ‘map’ multipart field (${SPEC}).` };
  }
  const files: Array<{ path: string; value: UploadedFile }> = [];
  for (const [key, paths] of Object.entries(map as Record<string, unknown>)) {
    if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) {
      return { error: `Invalid type for the ‘map’ multipart field entry key ‘${key}’ array (${SPEC}).` };
    }
    const part = form.get(key);
    if (!part || typeof part === 'string') return { error: 'File missing in the request.' };
    const value: UploadedFile = {
      filename: part.name,
      mimetype: part.type || 'application/octet-stream',
      size: part.size,
    };
    for (const p of paths) files.push({ path: p, value });
  }
  return { operations, files };
}
