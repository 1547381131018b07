// The one way the renderer saves a file: bytes the engine made (an export, a template) become a
// Blob, and a temporary <a download> is clicked. In browser mode this is an ordinary download; in
// Electron the session shows the native save dialog, so the path is always the user's choice and
// never the renderer's.
const MIME: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  arrow: 'application/vnd.apache.arrow.file',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function mimeFor(fileName: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return MIME[ext] ?? 'application/octet-stream';
}

export function saveBytes(fileName: string, bytes: Uint8Array): void {
  // A copy backed by a plain ArrayBuffer (the wire may hand us a view into a larger frame).
  const blob = new Blob([new Uint8Array(bytes)], { type: mimeFor(fileName) });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has its own reference to the blob once started; free ours a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
