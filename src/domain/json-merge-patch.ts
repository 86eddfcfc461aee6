/** A JSON object (not an array, not null): what a merge patch merges into. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Applies a JSON merge patch (RFC 7396 §2): a key absent from the patch keeps its value, a `null`
 * removes the key, an object merges into the object beside it, anything else (arrays included)
 * replaces. Every edit in the hub goes through this, so no edit can reset a setting to a default
 * by leaving it out. Neither argument is modified.
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch)) return patch;
  const result: Record<string, unknown> = isJsonObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

/**
 * Dotted paths of the leaves that differ between two JSON values: objects are compared key by key,
 * and an object that appears or goes away counts as each of its leaves.
 */
export function changedPaths(before: unknown, after: unknown, prefix = ''): string[] {
  const objectOrNone = (v: unknown) => v === undefined || isJsonObject(v);
  if (objectOrNone(before) && objectOrNone(after) && (isJsonObject(before) || isJsonObject(after))) {
    const b = (before ?? {}) as Record<string, unknown>;
    const a = (after ?? {}) as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
    return keys.flatMap((k) => changedPaths(b[k], a[k], prefix ? `${prefix}.${k}` : k));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [prefix];
}
