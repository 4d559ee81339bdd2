/** What a file's first bytes say it is, whatever its name says. */
export type ContainerKind = 'zip' | 'cfb' | 'biff' | 'html' | 'text' | 'binary';

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniffContainer(bytes: Uint8Array): ContainerKind {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06)) return 'zip';
  if (bytes.length >= 8 && CFB_SIGNATURE.every((byte, index) => bytes[index] === byte)) return 'cfb';
  // BIFF2–4 worksheets are a bare record stream starting with a BOF record (0x0009, 0x0209, 0x0409, 0x0809).
  if (bytes.length >= 4 && bytes[0] === 0x09 && [0x00, 0x02, 0x04, 0x08].includes(bytes[1]!) && bytes[3] === 0x00) return 'biff';
  const hasUtf16Bom = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const head = bytes.subarray(0, 4096);
  let zeros = 0;
  for (const byte of head) if (byte === 0) zeros += 1;
  // UTF-16 text without a BOM has a zero in every other byte of ASCII; other binaries have them anywhere.
  const looksUtf16 = hasUtf16Bom || (head.length >= 4 && zeros >= head.length / 2 - 2 && zeros <= head.length / 2 + 2);
  if (zeros > 0 && !looksUtf16) return 'binary';
  const start = new TextDecoder('latin1').decode(head.subarray(0, 1024)).replace(/^\ufeff|^[\u00ef\u00bb\u00bf]+/u, '').trimStart().toLowerCase();
  if (!looksUtf16 && (start.startsWith('<!doctype html') || start.startsWith('<html') || (start.startsWith('<') && start.includes('<table')))) return 'html';
  return 'text';
}
