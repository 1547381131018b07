// Password-protected workbooks. Both kinds arrive as an OLE2 compound file: an encrypted .xls
// (RC4 / CryptoAPI / XOR inside the BIFF stream) and an encrypted .xlsx (an EncryptedPackage
// stream holding the real ZIP). officecrypto-tool handles both.
//
// Excel's default read-only password "VelvetSweatshop" is always tried: the statistical yearbook
// tables are "protected" with it, and Excel itself opens such files without asking.
import officeCrypto from 'officecrypto-tool';
import { EXPECTED, readerError } from './errors';

export const DEFAULT_PASSWORD = 'VelvetSweatshop';

/** The decrypted bytes, or null when the file is not encrypted. Throws a ReaderError otherwise. */
export async function decryptIfNeeded(buf: Buffer, fileName: string, password: string | undefined): Promise<Buffer | null> {
  let encrypted: boolean;
  try {
    encrypted = officeCrypto.isEncrypted(buf);
  } catch {
    throw readerError('file_unreadable', fileName, EXPECTED.corruptXls);
  }
  if (!encrypted) return null;
  const candidates = [...new Set([password, DEFAULT_PASSWORD].filter((p): p is string => typeof p === 'string' && p !== ''))];
  for (const candidate of candidates) {
    try {
      return await officeCrypto.decrypt(buf, { password: candidate });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (/unsupported encryption/i.test(message)) throw readerError('file_encrypted', fileName, EXPECTED.encryptionUnsupported);
      // a wrong password (or a failed integrity check, which is what a wrong key gives): next one
    }
  }
  throw readerError('file_encrypted', fileName, password ? EXPECTED.wrongPassword : EXPECTED.encrypted);
}
