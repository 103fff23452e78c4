/** Hands text to the browser's download (the desktop app's save path) under a file name. */
export function saveTextFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has taken its copy once the click is handled.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}
