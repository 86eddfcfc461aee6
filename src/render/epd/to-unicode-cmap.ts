const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/**
 * The ToUnicode CMap of a subset (what a text extractor reads back): CID i prints `unicode[i]`. The
 * same program pdfkit writes for its subsets, ranges of 256 CIDs each.
 */
export function toUnicodeCmap(unicode: readonly (readonly number[])[]): Buffer {
  const entries = unicode.map((codePoints) => {
    const units: string[] = [];
    for (let cp of codePoints) {
      if (cp > 0xffff) {
        cp -= 0x10000;
        units.push(hex4(((cp >>> 10) & 0x3ff) | 0xd800));
        cp = 0xdc00 | (cp & 0x3ff);
      }
      units.push(hex4(cp));
    }
    return `<${units.join(' ')}>`;
  });
  const ranges: string[] = [];
  for (let start = 0; start < entries.length; start += 256) {
    const end = Math.min(start + 256, entries.length);
    ranges.push(`<${hex4(start)}> <${hex4(end - 1)}> [${entries.slice(start, end).join(' ')}]`);
  }
  return Buffer.from(
    [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo <<',
      '  /Registry (Adobe)',
      '  /Ordering (UCS)',
      '  /Supplement 0',
      '>> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000><ffff>',
      'endcodespacerange',
      `${ranges.length} beginbfrange`,
      ...ranges,
      'endbfrange',
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n'),
    'latin1',
  );
}
