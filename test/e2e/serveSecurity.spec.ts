import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';

// Browsers send a host's cookies to every port. Another local server the planner's browser visits
// must learn nothing that opens Cadence: the session lives in a header, never in a cookie.
test('another local server the browser visits receives nothing that opens Cadence', async ({ shell, page, serve }) => {
  await expect(shell.connection).toContainText('Online');
  const seen: string[] = [];
  const other = createServer((request, response) => {
    seen.push(request.headers.cookie ?? '');
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<title>Another local app</title><p>Hello</p>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = other.address() as AddressInfo;
    const visit = await page.context().newPage();
    await visit.goto(`http://127.0.0.1:${String(port)}/`);
    await visit.close();

    expect(seen.length).toBeGreaterThan(0);
    const [cookies = ''] = seen;
    // The browser does hand Cadence's cookie to the other port: it must be worth nothing there.
    expect(cookies).toContain(`cadence_page_${String(serve.port)}=`);
    expect(seen.join('; ')).not.toContain(serve.secret);
    // Whatever it got, replayed by that server, opens no call and no event stream.
    const call = await fetch(`${serve.origin}/api/call/app.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookies },
      body: '{}',
    });
    expect(call.status).toBe(401);
    expect((await fetch(`${serve.origin}/api/events`, { headers: { cookie: cookies } })).status).toBe(401);
    // The page itself still works: its session travels in a header.
    await page.reload();
    await expect(shell.connection).toContainText('Online');
    await shell.link('Sync').click();
    await expect(shell.title).toHaveText('Sync');
  } finally {
    await new Promise((resolve) => other.close(resolve));
  }
});
