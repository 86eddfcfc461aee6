/**
 * The file of a worker thread that sits beside the module starting it (`caller` is that module's
 * `import.meta.url`). Built code starts the sibling `.js`. From the sources — tests, which Node runs
 * as `.ts` — it starts the built copy under `dist/`: a worker is a fresh module graph that the test
 * runner's transforms do not reach.
 */
export function workerFile(caller: string, name: string): URL {
  const sibling = new URL(`./${name}.js`, caller);
  if (!caller.endsWith('.ts')) return sibling;
  const path = sibling.pathname;
  const src = path.lastIndexOf('/src/');
  return new URL(`file://${path.slice(0, src)}/dist/${path.slice(src + '/src/'.length)}`);
}
