// The bell keeps what an agent was told while no page of theirs was open: a lead given to
// agent.binh while signed out waits there unread; opening it leads to the lead and marks it read.
// Opening the bell is also where the browser is asked for desktop notifications (C4).
import { expect, test, type APIRequestContext } from '@playwright/test';
import { signIn } from './helpers';
import { adminPassword, agentPassword } from './seed';

/** As admin (through `request`), gives agent.binh a new lead. */
async function giveBinhALead(request: APIRequestContext, fullName: string, mobile: string) {
  const login = await request.post('/api/auth/login', { data: { username: 'admin', password: adminPassword } });
  const headers = { 'X-CSRF-Token': ((await login.json()) as { csrf_token: string }).csrf_token };
  const users = (await (await request.get('/api/users?q=agent.binh')).json()) as {
    items: { id: number; username: string }[];
  };
  const binhId = users.items.find((u) => u.username === 'agent.binh')?.id;
  const lead = await request.post('/api/leads', { headers, data: { full_name: fullName, mobile, owner_id: binhId } });
  expect(lead.status(), await lead.text()).toBe(201);
}

test('a lead given while its agent was away waits in the bell', async ({ page, request }) => {
  await giveBinhALead(request, 'Đoàn Thị Vắng', '0906 500 001');

  // Counts the asks; the permission stays "default", as for a user who has not answered yet.
  // (The specs are typed without the DOM: the page's globals are reached through globalThis.)
  await page.addInitScript(() => {
    const win = globalThis as unknown as { asked: number; Notification: { requestPermission: () => Promise<string> } };
    win.asked = 0;
    win.Notification.requestPermission = () => {
      win.asked += 1;
      return Promise.resolve('default');
    };
  });
  const asked = () => page.evaluate(() => (globalThis as unknown as { asked: number }).asked);
  await signIn(page, 'agent.binh', agentPassword);
  await expect(page.getByTestId('bell-count').locator('.ant-badge-count')).toBeVisible();
  expect(await asked()).toBe(0);
  await page.getByTestId('bell').click();
  expect(await asked()).toBe(1);
  const list = page.getByTestId('bell-list');
  const unread = list.getByTestId('bell-item-unread').filter({ hasText: 'Đoàn Thị Vắng' });
  await expect(unread).toContainText('Bạn vừa được giao một lead');
  await unread.click();
  await expect(page.getByTestId('lead-name')).toHaveText('Đoàn Thị Vắng');

  await page.getByTestId('bell').click();
  await expect(list.getByTestId('bell-item').filter({ hasText: 'Đoàn Thị Vắng' })).toBeVisible();
  await page.getByTestId('bell-read-all').click();
  await expect(list.getByTestId('bell-item-unread')).toHaveCount(0);
  await expect(page.getByTestId('bell-count').locator('.ant-badge-count')).toHaveCount(0);
});

// One socket for the whole visit: moving between pages or switching the language must not close
// it, or an event sent meanwhile would be lost (the server keeps none for a user with no socket).
test('the live connection stays open across pages and languages', async ({ page, request }) => {
  let opened = 0;
  page.on('websocket', (socket) => {
    if (socket.url().endsWith('/api/ws')) opened += 1;
  });
  await signIn(page, 'agent.binh', agentPassword);
  const menu = page.getByTestId('main-menu');
  await menu.getByRole('link', { name: 'Cuộc gọi' }).click();
  await expect(page).toHaveURL(/\/calls$/);
  await menu.getByRole('link', { name: 'Khách hàng tiềm năng' }).click();
  await expect(page).toHaveURL(/\/leads$/);
  await page.getByTestId('language-switch').getByText('EN').click();
  await menu.getByRole('link', { name: 'Calls' }).click();
  await expect(page).toHaveURL(/\/calls$/);

  await giveBinhALead(request, 'Quách Văn Liền', '0906 500 002');
  await expect(page.locator('.live-event')).toContainText('Quách Văn Liền');
  expect(opened).toBe(1);
  // The bell from the keyboard: Enter opens it on its newest entry, Enter again opens that lead.
  await page.getByTestId('bell').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('bell-list').getByRole('button').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lead-name')).toHaveText('Quách Văn Liền');
  await page.getByTestId('language-switch').getByText('VI').click();  // as the other specs expect
});
