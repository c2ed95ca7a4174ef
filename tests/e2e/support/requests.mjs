// Watching and steering what a page fetches.

/// Every URL requested from now on by `target`: a page (and the pages it opens) or a whole
/// browser context.
export function recordRequests(target) {
  const urls = [];
  const record = (request) => urls.push(request.url());
  target.on('request', record);
  if (typeof target.context === 'function') target.context().on('page', (page) => page.on('request', record));
  return urls;
}

/// Holds every request matching `pattern` until the returned function is called, as a slow
/// connection would.
export async function holdRequests(page, pattern) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
