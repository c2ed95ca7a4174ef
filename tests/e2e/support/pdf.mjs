// What a printout says: the pages and the text of a PDF that Chromium wrote (page.pdf), read
// without any PDF tool. Chromium's PDFs keep every object plain ("N 0 obj … endobj") with
// Flate-compressed streams, and their text is glyph codes in fonts whose ToUnicode maps say
// which characters they are; that is all this reads.
import { inflateSync } from 'node:zlib';

/// The number of pages of a PDF.
export const pageCount = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

/// Every object of the PDF: number → { dict, stream } (the stream inflated when compressed).
/// A stream is binary and may hold any bytes, "endobj" too: its /Length says where it ends.
function objects(pdf) {
  const raw = pdf.toString('latin1');
  const found = new Map();
  const header = /(\d+) 0 obj\b/g;
  for (let match = header.exec(raw); match; match = header.exec(raw)) {
    const from = match.index + match[0].length;
    const endobj = raw.indexOf('endobj', from);
    const streamAt = raw.indexOf('stream', from);
    if (streamAt < 0 || streamAt > endobj) {
      found.set(Number(match[1]), { dict: raw.slice(from, endobj), stream: null });
      header.lastIndex = endobj;
      continue;
    }
    const dict = raw.slice(from, streamAt);
    const begin = streamAt + 'stream'.length + (raw[streamAt + 6] === '\r' ? 2 : 1);
    const length = /\/Length\s+(\d+)(?!\s+0\s+R)/.exec(dict);
    const end = length ? begin + Number(length[1]) : raw.indexOf('endstream', begin);
    let bytes = pdf.subarray(begin, end);
    if (/\/FlateDecode/.test(dict)) {
      try {
        bytes = inflateSync(bytes);
      } catch {
        bytes = Buffer.alloc(0);
      }
    }
    found.set(Number(match[1]), { dict, stream: bytes.toString('latin1') });
    header.lastIndex = raw.indexOf('endobj', end);
  }
  return found;
}

const hex = (text) => Buffer.from(text.replace(/\s+/g, ''), 'hex');

/// A ToUnicode CMap as code (hex string) → text, with the code length in bytes.
function toUnicode(cmap) {
  const map = new Map();
  const utf16 = (h) => hex(h).swap16().toString('utf16le');
  let width = 2;
  const range = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(cmap);
  if (range) width = range[1].length / 2;
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, text] of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      map.set(code.toLowerCase(), utf16(text));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from, to, text] of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const first = parseInt(from, 16);
      const base = hex(text).swap16();
      for (let code = first; code <= parseInt(to, 16); code++) {
        const chars = Buffer.from(base);
        chars.writeUInt16LE(chars.readUInt16LE(chars.length - 2) + (code - first), chars.length - 2);
        map.set(code.toString(16).padStart(from.length, '0'), chars.toString('utf16le'));
      }
    }
  }
  return { map, width };
}

/// The text of every page, in drawing order; separate text runs are joined by a space.
export function pdfText(pdf) {
  const all = objects(pdf);
  const fontMaps = new Map();
  const mapOfFont = (ref) => {
    if (!fontMaps.has(ref)) {
      const font = all.get(ref);
      const unicode = font && /\/ToUnicode\s+(\d+) 0 R/.exec(font.dict);
      fontMaps.set(ref, unicode ? toUnicode(all.get(Number(unicode[1]))?.stream ?? '') : null);
    }
    return fontMaps.get(ref);
  };
  // The fonts each resource dictionary names (/F4 12 0 R), inline or referenced.
  const fontsOf = (dict) => {
    const names = new Map();
    let fonts = /\/Font\s*(<<[\s\S]*?>>|\d+ 0 R)/.exec(dict)?.[1] ?? '';
    const ref = /^(\d+) 0 R$/.exec(fonts);
    if (ref) fonts = all.get(Number(ref[1]))?.dict ?? '';
    for (const [, name, number] of fonts.matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) names.set(name, Number(number));
    return names;
  };
  const decode = (codes, font) => {
    if (!font) return '';
    let text = '';
    const step = font.width * 2;
    for (let i = 0; i + step <= codes.length; i += step) text += font.map.get(codes.slice(i, i + step).toLowerCase()) ?? '';
    return text;
  };
  const pages = [];
  for (const { dict } of all.values()) {
    if (!/\/Type\s*\/Page(?!s)/.test(dict)) continue;
    let resources = /\/Resources\s*(<<[\s\S]*>>|\d+ 0 R)/.exec(dict)?.[1] ?? '';
    const ref = /^(\d+) 0 R/.exec(resources);
    if (ref) resources = all.get(Number(ref[1]))?.dict ?? '';
    const fonts = fontsOf(resources);
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(dict)?.[1] ?? '';
    let text = '';
    for (const [, number] of contents.matchAll(/(\d+) 0 R/g)) {
      const stream = all.get(Number(number))?.stream ?? '';
      let font = null;
      for (const [, name, array, single] of stream.matchAll(/\/([\w.+-]+)\s+[\d.]+\s+Tf|\[((?:[^\]\\]|\\.)*)\]\s*TJ|<([0-9a-fA-F\s]*)>\s*Tj/g)) {
        if (name) {
          font = fonts.has(name) ? mapOfFont(fonts.get(name)) : null;
        } else if (single !== undefined) {
          text += `${decode(single.replace(/\s+/g, ''), font)} `;
        } else {
          // A large negative adjustment inside a run is a gap between words.
          for (const [, codes, adjust] of array.matchAll(/<([0-9a-fA-F\s]*)>|(-?[\d.]+)/g)) {
            if (codes !== undefined) text += decode(codes.replace(/\s+/g, ''), font);
            else if (Number(adjust) < -200) text += ' ';
          }
          text += ' ';
        }
      }
    }
    pages.push(text);
  }
  return pages;
}
