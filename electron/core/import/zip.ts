import { importFailures } from './failures';
import { formatBytes, RATIO_CHECK_MIN_BYTES, type ReadLimits } from './limits';

export interface ZipEntry {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/**
 * Reads a zip's central directory without inflating anything, and refuses what should not be
 * inflated: a truncated archive, encrypted entries, a total or a ratio that marks a zip bomb.
 */
export function inspectZip(bytes: Uint8Array, fileName: string, limits: ReadLimits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const truncated = () =>
    importFailures.unreadable(fileName, 'the file is truncated or damaged (its zip directory is missing or points past the end).', '文件不完整或已损坏（压缩目录缺失或越界）。', { reason: 'truncated' });
  let end = -1;
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 65_535); offset -= 1) {
    if (view.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw truncated();
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (directoryOffset + directorySize > end || count === 0xffff || directoryOffset === 0xffffffff) throw truncated();
  if (count > limits.maxZipEntries) throw importFailures.tooLarge(fileName, `${count} parts in the archive`, `压缩包内含 ${count} 个部件`, { entries: count });
  const entries: ZipEntry[] = [];
  let total = 0;
  let offset = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > end || view.getUint32(offset, true) !== CENTRAL_ENTRY) throw truncated();
    const flags = view.getUint16(offset + 8, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const uncompressedSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localOffset = view.getUint32(offset + 42, true);
    const name = new TextDecoder('utf-8').decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    if ((flags & 0x1) !== 0) throw importFailures.encrypted(fileName);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) {
      throw importFailures.tooLarge(fileName, `the part ${name} is larger than 4 GB`, `部件 ${name} 超过 4 GB`, { entry: name });
    }
    if (localOffset + 30 > directoryOffset || view.getUint32(localOffset, true) !== LOCAL_HEADER) throw truncated();
    const localName = view.getUint16(localOffset + 26, true);
    const localExtra = view.getUint16(localOffset + 28, true);
    if (localOffset + 30 + localName + localExtra + compressedSize > directoryOffset) throw truncated();
    if (uncompressedSize >= RATIO_CHECK_MIN_BYTES && uncompressedSize / Math.max(1, compressedSize) > limits.maxCompressionRatio) {
      throw importFailures.tooLarge(
        fileName,
        `the part ${name} inflates ${Math.round(uncompressedSize / Math.max(1, compressedSize))}-fold to ${formatBytes(uncompressedSize)} (a zip bomb)`,
        `部件 ${name} 解压后膨胀 ${Math.round(uncompressedSize / Math.max(1, compressedSize))} 倍，达 ${formatBytes(uncompressedSize)}（疑似压缩炸弹）`,
        { entry: name, uncompressedSize, compressedSize },
      );
    }
    total += uncompressedSize;
    if (total > limits.maxUncompressedBytes) {
      throw importFailures.tooLarge(fileName, `its parts inflate to more than ${formatBytes(limits.maxUncompressedBytes)}`, `解压后超过 ${formatBytes(limits.maxUncompressedBytes)}`, {
        uncompressedSize: total,
        limit: limits.maxUncompressedBytes,
      });
    }
    entries.push({ name, compressedSize, uncompressedSize });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
