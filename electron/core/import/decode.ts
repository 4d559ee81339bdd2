import { isUtf8 } from 'node:buffer';

/** Text encodings a csv/tsv can be read with; "auto" is the deterministic order BOM → strict UTF-8 → GB18030. */
export const TEXT_ENCODINGS = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'gb18030'] as const;
export type TextEncodingChoice = (typeof TEXT_ENCODINGS)[number];

export interface DecodedText {
  readonly text: string;
  /** The encoding used, as a WHATWG label. */
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  readonly hadBom: boolean;
}

function bomOf(bytes: Uint8Array): DecodedText['encoding'] | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** UTF-16 without a BOM: ASCII characters leave a zero in every other byte. */
function utf16WithoutBom(bytes: Uint8Array): DecodedText['encoding'] | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, 2048));
  if (sample.length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index += 1) {
    if (sample[index] !== 0) continue;
    if (index % 2 === 0) evenZeros += 1;
    else oddZeros += 1;
  }
  const half = sample.length / 2;
  if (oddZeros > half * 0.6 && evenZeros < half * 0.05) return 'utf-16le';
  if (evenZeros > half * 0.6 && oddZeros < half * 0.05) return 'utf-16be';
  return undefined;
}

/**
 * Decodes a text file: a BOM decides; otherwise UTF-16 by its zero bytes, then strict UTF-8 (any
 * invalid sequence rejects it), then GB18030, the superset of GBK that WPS and Excel write.
 * `choice` overrides the detection.
 */
export function decodeText(bytes: Uint8Array, choice: TextEncodingChoice = 'auto'): DecodedText {
  const bom = bomOf(bytes);
  if (choice !== 'auto') {
    const skip = bom === choice ? (choice === 'utf-8' ? 3 : 2) : 0;
    return { text: new TextDecoder(choice).decode(bytes.subarray(skip)), encoding: choice, hadBom: skip > 0 };
  }
  if (bom) return { text: new TextDecoder(bom).decode(bytes.subarray(bom === 'utf-8' ? 3 : 2)), encoding: bom, hadBom: true };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, hadBom: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', hadBom: false };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', hadBom: false };
  }
}

/**
 * Where the text starts when `decodeText(bytes, choice)` would read the file as valid UTF-8 (its BOM
 * skipped), for readers that parse the bytes themselves; undefined when it would not (another
 * encoding, invalid sequences replaced, or a second BOM the decoder would drop as well).
 */
export function validUtf8Start(bytes: Uint8Array, choice: TextEncodingChoice = 'auto'): number | undefined {
  const bom = bomOf(bytes);
  let start: number;
  if (choice === 'utf-8') start = bom === 'utf-8' ? 3 : 0;
  else if (choice !== 'auto') return undefined;
  else if (bom === 'utf-8') start = 3;
  else if (bom || utf16WithoutBom(bytes)) return undefined;
  else start = 0;
  const body = bytes.subarray(start);
  // TextDecoder drops a BOM at the start of what it decodes: a second one is left to it.
  if (bomOf(body) === 'utf-8' || !isUtf8(body)) return undefined;
  return start;
}
