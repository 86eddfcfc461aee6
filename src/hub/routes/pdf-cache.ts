/**
 * Rendered PDFs by the hash of what they show, least recently used dropped first: a resident's app
 * asking for the same receipt again gets the same bytes without a new rendering.
 */
export class PdfCache {
  private readonly entries = new Map<string, Buffer>();

  constructor(private readonly max: number) {}

  get(key: string): Buffer | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, pdf: Buffer): void {
    this.entries.set(key, pdf);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }
}
