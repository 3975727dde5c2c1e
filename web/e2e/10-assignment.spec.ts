// R1-R4, R7: a manager sets up a rule in the browser; an agent who switches OFF in the header
// gets none of the new leads; switched back ON by the admin, their header follows at once and
// the next lead is theirs, which they are told at once too (live events); Unassign hands it on.
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { pickOption, signIn } from './helpers';
import { adminPassword, agentPassword } from './seed';

const source = 'Hội thảo tháng 12';

async function adminApi(request: APIRequestContext) {
  const login = await request.post('/api/auth/login', { data: { username: 'admin', password: adminPassword } });
  expect(login.status()).toBe(200);
  const csrf = ((await login.json()) as { csrf_token: string }).csrf_token;
  let n = 0;
  return async (): Promise<{ id: number; owner_id: number | null }> => {
    n += 1;
    const res = await request.post('/api/leads', {
      headers: { 'X-CSRF-Token': csrf },
      data: { full_name: `Khách hội thảo ${n}`, mobile: `0906 100 0${String(n).padStart(2, '0')}`, source },
    });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as { id: number; owner_id: number | null };
  };
}

async function ownerShown(page: Page, leadId: number, name: string) {
  await page.goto(`/leads/${leadId}`);
  await expect(page.getByTestId('lead-section-owner')).toContainText(name);
}

test('agents who are OFF get no new leads, and unassign hands a lead to another member', async ({
  page,
  browser,
  request,
}) => {
  await signIn(page, 'admin', adminPassword);
  await page.getByTestId('main-menu').getByRole('link', { name: 'Quy tắc chia lead' }).click();
  await page.getByTestId('rule-create').click();
  await page.getByTestId('rule-name').fill('Chia lead hội thảo');
  await page.getByTestId('rule-source').fill(source);
  // The member rows' number boxes are named over them.
  await expect(page.getByTestId('rule-member-header')).toContainText('Tối đa/ngày');
  await pickOption(page, page.getByTestId('rule-member-0'), 'Trần Văn An', 'Trần');
  await page.getByTestId('rule-add-member').click();
  // The same agent twice is refused on the row, before anything is sent.
  await pickOption(page, page.getByTestId('rule-member-1'), 'Trần Văn An', 'Trần');
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('dialog')).toContainText('Người này đã có trong quy tắc');
  await pickOption(page, page.getByTestId('rule-member-1'), 'Lê Thị Bình', 'Lê');
  await expect(page.getByRole('dialog')).not.toContainText('Người này đã có trong quy tắc');
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
  const row = page.getByTestId('rules-table').getByRole('row').filter({ hasText: 'Chia lead hội thảo' });
  await expect(row.getByTestId('rule-member')).toHaveCount(2);

  // agent.an goes OFF from the header of their own session.
  const anContext = await browser.newContext();
  const an = await anContext.newPage();
  await signIn(an, 'agent.an', agentPassword);
  const presence = an.getByTestId('presence-switch');
  await expect(presence).toHaveAttribute('aria-checked', 'true');
  await presence.click();
  await expect(presence).toHaveAttribute('aria-checked', 'false');

  const newLead = await adminApi(request);
  const whileOff = [await newLead(), await newLead(), await newLead()];
  const binhId = whileOff[0].owner_id;
  for (const lead of whileOff) expect(lead.owner_id).toBe(binhId);
  await ownerShown(page, whileOff[0].id, 'Lê Thị Bình');
  await expect(page.getByTestId('lead-timeline')).toContainText('Quy tắc "Chia lead hội thảo" đã giao cho Lê Thị Bình');

  await page.goto('/assignment-rules');
  const anMember = row.getByTestId('rule-member').filter({ hasText: 'Trần Văn An' });
  await expect(anMember.getByRole('switch')).not.toBeChecked();

  // The admin switches agent.an back ON; agent.an's header follows without a reload.
  await anMember.getByRole('switch').click();
  await expect(anMember.getByRole('switch')).toBeChecked();
  await expect(presence).toHaveAttribute('aria-checked', 'true');
  await expect(an.locator('.live-event').filter({ hasText: 'Administrator đã chuyển bạn sang ON' })).toBeVisible();
  const backOn = await newLead();
  expect(backOn.owner_id).not.toBe(binhId);
  // agent.an hears of it at once, without reloading.
  const live = an.locator('.live-event').filter({ hasText: 'Bạn vừa được giao một lead' });
  await expect(live).toContainText('Bạn vừa được giao một lead');
  await expect(live).toContainText('Khách hội thảo 4');
  await live.click();
  await expect(an.getByTestId('lead-name')).toHaveText('Khách hội thảo 4');
  await ownerShown(page, backOn.id, 'Trần Văn An');

  await page.getByTestId('lead-unassign').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Có' }).click();
  await expect(page.locator('.ant-message')).toContainText('Lead đã được giao cho Lê Thị Bình.');
  await expect(page.getByTestId('lead-section-owner')).toContainText('Lê Thị Bình');
  await expect(page.getByTestId('lead-timeline')).toContainText('đã bỏ giao Trần Văn An');
  await anContext.close();
});

// R3: the rule above takes the source; an agent's own new lead is theirs while they are an ON
// member, and goes to the rule's other member while they are OFF (they are told, and land on
// the list, since they can no longer open it).
test("an agent's new lead goes through the rule, the agent first while ON", async ({ page }) => {
  await signIn(page, 'agent.an', agentPassword);
  const create = async (name: string, mobile: string) => {
    await page.goto('/leads/new');
    await page.getByTestId('field-full_name').fill(name);
    await page.getByTestId('field-mobile').fill(mobile);
    await page.getByTestId('field-source').fill(source);
    await page.getByTestId('lead-form-save').click();
  };
  await create('Khách An tự tạo', '0906 100 101');
  await expect(page.getByTestId('lead-name')).toHaveText('Khách An tự tạo');
  await expect(page.getByTestId('lead-section-owner')).toContainText('Trần Văn An');

  const presence = page.getByTestId('presence-switch');
  await presence.click();
  await expect(presence).toHaveAttribute('aria-checked', 'false');
  await create('Khách An nhờ chia', '0906 100 102');
  await expect(page.locator('.ant-message')).toContainText('quy tắc phân bổ đã giao cho một nhân viên khác');
  await expect(page).toHaveURL(/\/leads(\?.*)?$/);
  await presence.click();
  await expect(presence).toHaveAttribute('aria-checked', 'true');
});

// R2, K1: a rule can be narrowed to one campaign, picked by its name in its form, and widened again.
test('a rule takes the leads of one campaign when given one', async ({ page, request }) => {
  const campaign = 'Tuyển sinh hè 2027';
  const login = await request.post('/api/auth/login', { data: { username: 'admin', password: adminPassword } });
  const csrf = ((await login.json()) as { csrf_token: string }).csrf_token;
  const made = await request.post('/api/campaigns', { headers: { 'X-CSRF-Token': csrf }, data: { name: campaign } });
  expect(made.status(), await made.text()).toBe(201);

  await signIn(page, 'admin', adminPassword);
  await page.goto('/assignment-rules');
  const row = page.getByTestId('rules-table').getByRole('row').filter({ hasText: 'Chia lead hội thảo' });
  const edit = async (pick: (select: Locator) => Promise<void>) => {
    await row.getByRole('button', { name: 'Sửa' }).click();
    await pick(page.getByTestId('rule-campaign'));
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
  };
  await edit((select) => pickOption(page, select, campaign, 'tuyen sinh he'));
  await expect(row).toContainText(`Chiến dịch ${campaign}`);
  await expect(row).toContainText(source);
  await edit(async (select) => {
    await select.hover();
    await select.locator('.ant-select-clear').click();
  });
  await expect(row).not.toContainText(`Chiến dịch ${campaign}`);
});
