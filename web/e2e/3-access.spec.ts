// A2: an agent sees only their own leads; another agent's lead is refused with a clear page.
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';
import { agentPassword, binhLead } from './seed';

test("agent.an cannot open agent.binh's lead and does not see it in the list", async ({ page }) => {
  await signIn(page, 'agent.an', agentPassword);

  await page.goto(`/leads/${process.env.SEN_E2E_BINH_LEAD_ID}`);
  const refused = page.getByTestId('no-access');
  await expect(refused).toBeVisible();
  await expect(refused).toContainText('Bạn không có quyền xem khách hàng tiềm năng này.');
  await expect(page.getByText(binhLead.name)).toHaveCount(0);

  await page.goto('/leads');
  await expect(page.getByTestId('lead-total')).toHaveText(/Tổng số: \d+/);
  await expect(page.getByTestId('lead-table').getByText(binhLead.name)).toHaveCount(0);
});
