/**
 * Reading files the reader picks or drops, for the host: bytes as base64
 * (the host decodes, checks encoding and size, and refuses with a sentence).
 */

/** Base64 of a file's bytes. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK)
    bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin);
}

/** Ask the reader for files with a hidden `<input type=file>`. Resolves to [] when cancelled. */
export function pickFiles(accept: string, multiple = false): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.hidden = true;
    input.addEventListener('change', () => {
      resolve(input.files ? [...input.files] : []);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve([]);
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** What an article import accepts. */
export const ARTICLE_ACCEPT = '.txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html';
