// The OLE2 (Compound File Binary) container of an .xls or an encrypted workbook, checked before any
// library reads it. SheetJS and the decryption library trust the container's sector numbers; a
// damaged header or FAT with a sector number far past the end of the file makes them grow arrays
// until V8 aborts the whole process (found by fuzzing: "invalid size error"), which no try/catch
// can stop. Every sector number must point inside the file or be one of the markers [MS-CFB] §2.1
// defines; otherwise the file is damaged and is refused here, with a message, instead.
const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const DIFSECT = 0xfffffffc;
const MARKERS = new Set([FREESECT, ENDOFCHAIN, FATSECT, DIFSECT]);

/** null when the container's structure is sound; otherwise what is wrong, in English (for logs). */
export function ole2Problem(buf: Uint8Array): string | null {
  if (buf.length < 512) return 'shorter than one header sector';
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const major = u16(0x1a);
  const shift = u16(0x1e);
  if (!((major === 3 && shift === 9) || (major === 4 && shift === 12))) return `version ${major} with sector shift ${shift}`;
  if (u16(0x20) !== 6) return 'mini sector shift is not 6';
  const ssz = 1 << shift;
  const sectors = Math.ceil((buf.length - ssz) / ssz);
  const inside = (n: number) => n < sectors;
  const fatCount = u32(0x2c);
  const dirStart = u32(0x30);
  const miniStart = u32(0x3c);
  const miniCount = u32(0x40);
  const difatStart = u32(0x44);
  const difatCount = u32(0x48);
  if (fatCount > sectors || miniCount > sectors || difatCount > sectors) return 'sector counts larger than the file';
  if (!inside(dirStart)) return `directory starts at sector ${dirStart} of ${sectors}`;
  if (miniCount > 0 && !inside(miniStart)) return `mini FAT starts at sector ${miniStart} of ${sectors}`;
  if (difatCount > 0 ? !inside(difatStart) : difatStart !== ENDOFCHAIN && difatStart !== FREESECT) return `DIFAT starts at sector ${difatStart}`;
  // FAT sector locations: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const n = u32(0x4c + i * 4);
    if (n === FREESECT) continue;
    if (!inside(n)) return `FAT sector ${n} of ${sectors}`;
    fatSectors.push(n);
  }
  let difat = difatStart;
  const perSector = ssz / 4;
  for (let k = 0; k < difatCount && difat !== ENDOFCHAIN; k++) {
    if (!inside(difat)) return `DIFAT sector ${difat} of ${sectors}`;
    const base = ssz + difat * ssz;
    if (base + ssz > buf.length) return 'DIFAT sector past the end of the file';
    for (let i = 0; i < perSector - 1; i++) {
      const n = u32(base + i * 4);
      if (n === FREESECT) continue;
      if (!inside(n)) return `FAT sector ${n} of ${sectors}`;
      fatSectors.push(n);
    }
    difat = u32(base + (perSector - 1) * 4);
  }
  // Every FAT entry: a sector inside the file, or a marker.
  const fat: number[] = [];
  for (const f of fatSectors) {
    const base = ssz + f * ssz;
    const end = Math.min(base + ssz, buf.length);
    for (let at = base; at + 4 <= end; at += 4) {
      const n = u32(at);
      if (!MARKERS.has(n) && !inside(n)) return `FAT entry ${n} of ${sectors}`;
      fat.push(n);
    }
  }
  return directoryProblem(view, ssz, sectors, dirStart, fat);
}

/**
 * Directory entries (128 bytes each, in the chain from dirStart): a stream's size must fit in the
 * file and its first sector must be inside it — a size of 169 million in a 46 KB file is what made
 * the reader allocate until V8 gave up.
 */
function directoryProblem(view: DataView, ssz: number, sectors: number, dirStart: number, fat: readonly number[]): string | null {
  const fileBytes = view.byteLength;
  let sector = dirStart;
  // A chain can be at most as long as the file has sectors; longer means it loops.
  for (let hops = 0; sector !== ENDOFCHAIN; hops++) {
    if (hops > sectors || sector >= sectors) return 'directory chain loops or leaves the file';
    const base = ssz + sector * ssz;
    for (let at = base; at + 128 <= Math.min(base + ssz, fileBytes); at += 128) {
      const type = view.getUint8(at + 0x42);
      if (type === 0) continue;
      if (![1, 2, 5].includes(type)) return `directory entry of unknown type ${type}`;
      const start = view.getUint32(at + 0x74, true);
      const size = view.getUint32(at + 0x78, true);
      if (type === 1) continue;
      if (size > fileBytes) return `stream of ${size} bytes in a file of ${fileBytes}`;
      // Streams below 4096 bytes live in the mini stream, numbered in 64-byte mini sectors.
      const limit = type === 5 || size >= 4096 ? sectors : Math.ceil(fileBytes / 64);
      if (size > 0 && start >= limit) return `stream starts at sector ${start} of ${limit}`;
    }
    sector = fat[sector] ?? ENDOFCHAIN;
  }
  return null;
}
