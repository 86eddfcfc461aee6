/** The part of fontkit (pdfkit's own font engine) we call: parse a font once, hand it to pdfkit. */
declare module 'fontkit' {
  export function create(buffer: Uint8Array): object;
}
