/** The local calendar date as YYYY-MM-DD (what an analyst writes in a snapshot name or file name). */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The folder of a path with its trailing separator ("/a/b/" for "/a/b/w.sqlite", "D:\\a\\" for "D:\\a\\w.sqlite"). */
export function folderOf(filePath: string): string {
  const cut = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  return cut < 0 ? '' : filePath.slice(0, cut + 1);
}

/** A path next to the open workspace, so the user edits a name instead of typing a whole path. */
export function suggestPath(currentPath: string | null | undefined, fileName: string): string {
  return `${currentPath ? folderOf(currentPath) : ''}${fileName}`;
}

/** A chart or deck name made fit for a file name on Windows, macOS and Linux: reserved characters become "_". */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|]/g, '_');
}
