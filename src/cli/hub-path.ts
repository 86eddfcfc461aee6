/** A path of the hub's API under one organisation, every segment percent-encoded. */
export function orgPath(org: string, ...segments: Array<string | number>): string {
  return ['/v1/orgs', org, ...segments]
    .map((s, i) => (i === 0 ? s : encodeURIComponent(String(s))))
    .join('/');
}
