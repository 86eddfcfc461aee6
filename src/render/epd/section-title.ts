import { CONTENT_WIDTH, type EpdPen, INK, PAGE } from './epd-page.js';

/** A section's title bar: bold text over a rule, with room kept for at least `minBody` points below. */
export function sectionTitle(pen: EpdPen, text: string, minBody = 30): void {
  pen.y += 7;
  pen.ensure(14 + minBody);
  pen.font('bold', 8.2);
  pen.line(text, PAGE.margin, pen.y);
  pen.y += 10.5;
  pen.moveTo(PAGE.margin, pen.y);
  pen.lineTo(PAGE.margin + CONTENT_WIDTH, pen.y);
  pen.strokePath(0.8, INK);
  pen.y += 2.5;
}
