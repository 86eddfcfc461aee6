/**
 * The sandbox's raw serving rate: a bare client that pulls `To1c/Requests` and deletes every guid
 * (the same page size and Delete concurrency as the connector), without parsing snapshots, a store
 * or an engine. Answers the records drained.
 */
export async function rawDrain(opts: { url: string; token: string; concurrency: number }): Promise<number> {
  const headers = { authorization: `Bearer ${opts.token}` };
  let drained = 0;
  for (;;) {
    const res = await fetch(`${opts.url}/To1c/Requests`, { headers });
    const page = (await res.json()) as Array<{ Guid: string }>;
    if (page.length === 0) return drained;
    let next = 0;
    const worker = async () => {
      while (next < page.length) {
        const guid = page[next++]!.Guid;
        const del = await fetch(`${opts.url}/To1c/Delete?guid=${guid}`, { headers });
        if (!del.ok) throw new Error(`raw Delete ${guid}: HTTP ${del.status}`);
        await del.text();
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
    drained += page.length;
  }
}
