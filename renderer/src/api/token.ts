const TOKEN_KEY = 'yardstick.token';

/**
 * The browser edition's launch token: taken from `#token=…` once, kept for the tab's session
 * and removed from the address bar so it does not end up in bookmarks or screenshots.
 */
export function takeLaunchToken(location: Location, storage: Storage, history: History): string | null {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    storage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    return fromHash;
  }
  return storage.getItem(TOKEN_KEY);
}
