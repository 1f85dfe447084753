/**
 * Opens a link that has to be fetched first (a presigned URL) in a new tab. The tab is opened in
 * the click itself and pointed at the link once it arrives: a window opened after an await is
 * blocked once the click's user activation has expired (about 5 s in Chromium), so on a slow
 * answer nothing would have opened. The new tab gets no handle on this page (`opener`).
 */
export async function openFetchedLink(fetchUrl: () => Promise<string>): Promise<void> {
  const tab = window.open("about:blank", "_blank");
  if (tab) tab.opener = null;
  try {
    const url = await fetchUrl();
    if (tab) tab.location.href = url;
    else window.location.assign(url);
  } catch (error) {
    tab?.close();
    throw error;
  }
}
