// R5, R6, C4: leads are queued for a rule from the list's mass update, and the rule's count
// opens the list on them; an auto-assign job made on
// the jobs page hands them out a batch per run, and its last run says what it did; a call reminder
// pops up on its owner’s page, and so does a stalled-lead alert.
import { execFileSync } from 'node:child_process';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { pickOption, signIn } from './helpers';
import { adminPassword, agentPassword } from './seed';

const company = 'Công ty Hàng Đợi';

async function prepare(request: APIRequestContext) {
  const login = await request.post('/api/auth/login', { data: { username: 'admin', password: adminPassword } });
  expect(login.status()).toBe(200);
  const headers = { 'X-CSRF-Token': ((await login.json()) as { csrf_token: string }).csrf_token };
  const users = (await (await request.get('/api/users?q=agent')).json()) as {
    items: { id: number; username: string }[];
  };
  const members = users.items
    .filter((u) => u.username === 'agent.an' || u.username === 'agent.binh')
    .map((u) => ({ user_id: u.id }));
  expect(members).toHaveLength(2);
  const rule = await request.post('/api/assignment-rules', {
    headers,
    data: { name: 'Chia lead gán tự động', method: 'round_robin', source: 'Chỉ qua hàng đợi', members },
  });
  expect(rule.status(), await rule.text()).toBe(201);
  for (let n = 1; n <= 4; n += 1) {
    const lead = await request.post('/api/leads', {
      headers,
      data: { full_name: `Khách hàng đợi ${n}`, mobile: `0906 200 00${n}`, company },
    });
    expect(lead.status(), await lead.text()).toBe(201);
  }
}

test('queued leads are handed out two per run by an auto-assign job', async ({ page, request }) => {
  await prepare(request);
  await signIn(page, 'admin', adminPassword);
  await page.goto(`/leads?q=${encodeURIComponent(company)}`);
  await expect(page.getByTestId('lead-total')).toHaveText('Tổng số: 4');
  await page.getByTestId('mass-update-open').click();
  await page.getByRole('dialog').locator('label').filter({ hasText: 'Gán tự động' }).click();
  await pickOption(page, page.getByTestId('mass-update-rule'), 'Chia lead gán tự động');
  await page.getByTestId('mass-update-preview').click();
  await expect(page.getByTestId('mass-update-count')).toHaveText('4 khách hàng sẽ được cập nhật');
  await page.getByTestId('mass-update-confirm').click();
  await expect(page.locator('.ant-message')).toContainText('Đã đưa 4 lead vào hàng đợi gán tự động.');

  await page.getByTestId('main-menu').getByRole('link', { name: 'Quy tắc chia lead' }).click();
  const rule = page.getByTestId('rules-table').getByRole('row').filter({ hasText: 'Chia lead gán tự động' });
  await expect(rule.getByTestId('rule-queued')).toHaveText('4');
  // The count opens the leads list on the leads waiting in the rule's queue.
  await rule.getByTestId('rule-queued').click();
  await expect(page).toHaveURL(/\/leads\?queued_rule_id=\d+$/);
  await expect(page.getByTestId('lead-total')).toHaveText('Tổng số: 4');
  await page.getByTestId('filter-more').click();
  await expect(page.getByTestId('filter-queued_rule_id')).toContainText('Chia lead gán tự động');
  await page.keyboard.press('Escape');
  // A queued lead has no owner yet; its page says which queue it waits in.
  await page.getByRole('link', { name: 'Khách hàng đợi 1' }).click();
  await expect(page.getByTestId('lead-timeline')).toContainText(
    'đã đưa vào hàng đợi chia tự động của quy tắc "Chia lead gán tự động"',
  );

  await page.getByTestId('main-menu').getByRole('link', { name: 'Lịch biểu' }).click();
  await page.getByTestId('job-create').click();
  const dialog = page.getByRole('dialog');
  await page.getByTestId('job-name').fill('Chia hàng đợi');
  await dialog.getByRole('switch').click();  // off: only "run now" runs it in this test
  await pickOption(page, page.getByTestId('job-rule'), 'Chia lead gán tự động');
  await page.getByTestId('job-batch').fill('2');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  const row = page.getByTestId('jobs-table').getByRole('row').filter({ hasText: 'Chia hàng đợi' });
  await expect(row).toContainText('Tự động gán Lead');
  await expect(row).toContainText('5 phút');
  await expect(row).toContainText('Chưa chạy');

  await row.getByTestId('job-run').click();
  await expect(row.getByTestId('job-last-run')).toContainText('Đã chia 2, còn 2 trong hàng đợi');
  await row.getByTestId('job-run').click();
  await expect(row.getByTestId('job-last-run')).toContainText('Đã chia 2, còn 0 trong hàng đợi');

  const leads = (await (await request.get(`/api/leads?q=${encodeURIComponent(company)}`)).json()) as {
    items: { owner_id: number | null }[];
  };
  const owners = new Map<number | null, number>();
  for (const lead of leads.items) owners.set(lead.owner_id, (owners.get(lead.owner_id) ?? 0) + 1);
  expect([...owners.values()]).toEqual([2, 2]);
  expect(owners.has(null)).toBe(false);
});

// A rule deleted with leads in its queue: the confirmation counts them, and each lead's timeline
// says it left the queue with the rule.
test('deleting a rule tells how many queued leads leave its queue, and so do their timelines', async ({
  page,
  request,
}) => {
  const login = await request.post('/api/auth/login', { data: { username: 'admin', password: adminPassword } });
  const headers = { 'X-CSRF-Token': ((await login.json()) as { csrf_token: string }).csrf_token };
  const rule = await request.post('/api/assignment-rules', {
    headers,
    data: { name: 'Quy tắc sắp xoá', method: 'round_robin', source: 'Không ai dùng', members: [] },
  });
  expect(rule.status(), await rule.text()).toBe(201);
  const lead = await request.post('/api/leads', {
    headers,
    data: { full_name: 'Khách chờ quy tắc cũ', mobile: '0906 700 001' },
  });
  const leadId = ((await lead.json()) as { id: number }).id;
  const queued = await request.post('/api/leads/mass-update', {
    headers,
    data: { ids: [leadId], action: 'queue_assignment', rule_id: ((await rule.json()) as { id: number }).id },
  });
  expect(queued.status(), await queued.text()).toBe(200);

  await signIn(page, 'admin', adminPassword);
  await page.getByTestId('main-menu').getByRole('link', { name: 'Quy tắc chia lead' }).click();
  const row = page.getByTestId('rules-table').getByRole('row').filter({ hasText: 'Quy tắc sắp xoá' });
  await row.getByRole('button', { name: 'Xóa' }).click();
  await expect(page.locator('.ant-popconfirm')).toContainText('1 lead đang chờ trong hàng đợi của quy tắc sẽ rời hàng đợi');
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Xóa' }).click();
  await expect(page.locator('.ant-message')).toContainText('Đã xoá quy tắc.');
  await expect(row).toHaveCount(0);
  await page.goto(`/leads/${leadId}`);
  await expect(page.getByTestId('lead-timeline')).toContainText(
    'đã xoá quy tắc "Quy tắc sắp xoá": lead không còn chờ trong hàng đợi của quy tắc đó',
  );
});

/**
 * As admin (through `request`), gives agent.an a new lead and waits for its live notification on
 * agent.an's page `an`: from then on that page is known to listen. Answers the admin's headers,
 * agent.an's id and the lead's id.
 */
async function giveAnALead(request: APIRequestContext, an: Page, fullName: string, mobile: string) {
  const login = await request.post('/api/auth/login', { data: { username: 'admin', password: adminPassword } });
  const headers = { 'X-CSRF-Token': ((await login.json()) as { csrf_token: string }).csrf_token };
  const users = (await (await request.get('/api/users?q=agent.an')).json()) as { items: { id: number; username: string }[] };
  const anId = users.items.find((u) => u.username === 'agent.an')?.id;
  const lead = await request.post('/api/leads', { headers, data: { full_name: fullName, mobile, owner_id: anId } });
  expect(lead.status(), await lead.text()).toBe(201);
  await expect(an.locator('.live-event')).toContainText(fullName);
  return { headers, anId, leadId: ((await lead.json()) as { id: number }).id };
}

test('a call reminder pops up on its owner’s page', async ({ browser, request }) => {
  const context = await browser.newContext();
  const an = await context.newPage();
  await signIn(an, 'agent.an', agentPassword);
  const { headers, anId, leadId } = await giveAnALead(request, an, 'Phan Thị Nhắc', '0906 300 001');

  const inThreeMinutes = new Date(Date.now() + 3 * 60_000).toISOString();
  const call = await request.post('/api/calls', {
    headers,
    data: {
      parent_type: 'lead',
      parent_id: leadId,
      subject: 'Hẹn tư vấn lộ trình',
      status: 'scheduled',
      start_at: inThreeMinutes,
      owner_id: anId,
      remind_popup_min: 5,
    },
  });
  expect(call.status(), await call.text()).toBe(201);
  const jobs = (await (await request.get('/api/jobs')).json()) as { items: { id: number; type: string }[] };
  const reminders = jobs.items.find((j) => j.type === 'reminders');
  expect(reminders).toBeDefined();
  // The server's worker may be running it this very moment (409): run it now until it is ours.
  await expect(async () => {
    expect((await request.post(`/api/jobs/${reminders?.id}/run`, { headers })).status()).toBe(200);
  }).toPass({ timeout: 10_000 });

  const popup = an.locator('.live-event').filter({ hasText: 'Nhắc lịch gọi lúc' });
  await expect(popup).toContainText('Hẹn tư vấn lộ trình · Phan Thị Nhắc');
  // It stays until closed, below the header: the bell and the ON/OFF switch stay within reach.
  const header = await an.locator('.ant-layout-header').boundingBox();
  const shown = await popup.boundingBox();
  expect(shown!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
  await popup.click();
  await expect(an.getByTestId('lead-name')).toHaveText('Phan Thị Nhắc');
  await context.close();
});

test('a stalled-lead alert made on the jobs page pops up on the owner’s page', async ({ browser, page, request }) => {
  const context = await browser.newContext();
  const an = await context.newPage();
  await signIn(an, 'agent.an', agentPassword);
  const { leadId: id } = await giveAnALead(request, an, 'Trương Văn Quên', '0906 400 001');
  // Given five days ago and no call or note since: only the database can move time back.
  const backdate =
    `UPDATE leads SET created_at = created_at - 5 * 86400000 WHERE id = ${id}; ` +
    `UPDATE lead_assignments SET at = at - 5 * 86400000 WHERE lead_id = ${id}`;
  execFileSync('sqlite3', ['-cmd', '.timeout 5000', process.env.SEN_E2E_DB ?? '', backdate]);

  await signIn(page, 'admin', adminPassword);
  await page.getByTestId('main-menu').getByRole('link', { name: 'Lịch biểu' }).click();
  await page.getByTestId('job-create').click();
  const dialog = page.getByRole('dialog');
  await page.getByTestId('job-name').fill('Lead bị bỏ quên');
  await pickOption(page, page.getByTestId('job-type'), 'Cảnh báo lead chưa chăm sóc');
  await expect(page.getByTestId('job-interval')).toContainText('1.440 phút');  // hourly at the most
  await page.getByTestId('job-days').fill('2');
  await dialog.getByRole('switch').click();
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  const row = page.getByTestId('jobs-table').getByRole('row').filter({ hasText: 'Lead bị bỏ quên' });
  await expect(row).toContainText('Cảnh báo lead chưa chăm sóc');
  await expect(row).toContainText('sau 2 ngày');
  // The page's main actions in sight on a laptop's screen, without scrolling the table sideways.
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(row.getByTestId('job-run')).toBeInViewport({ ratio: 1 });
  await expect(row.getByTestId('job-active')).toBeInViewport({ ratio: 1 });
  await row.getByTestId('job-run').click();
  // Other tests' leads are minutes old: this one is the only stalled lead.
  await expect(row.getByTestId('job-last-run')).toContainText('Đã báo 1 người phụ trách, 1 lead');
  // Its result too: the fixed columns on the right covered it on 1,366 pixels.
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect(row.getByTestId('job-last-run')).toBeInViewport({ ratio: 1 });
  // Each run tells every owner again: not twice within the hour.
  await row.getByTestId('job-run').click();
  await expect(page.locator('.ant-message')).toContainText('chỉ chạy mỗi giờ một lần');

  const popup = an.locator('.live-event').filter({ hasText: 'chưa được chăm sóc 2 ngày' });
  await expect(popup).toContainText('1 lead chưa được chăm sóc 2 ngày');
  await expect(popup).toContainText('Trương Văn Quên');
  await popup.click();
  // The list of the leads it counted, not all of an's (an has the reminder test's lead too).
  await expect(an).toHaveURL(/\/leads\?owner_id=me&stalled_days=2$/);
  await expect(an.getByTestId('lead-total')).toHaveText('Tổng số: 1');
  await expect(an.getByRole('row').filter({ hasText: 'Trương Văn Quên' })).toHaveCount(1);
  await context.close();
});
