// The VI/EN switch changes the interface at once, survives a reload and follows the user
// to a new browser; switching back restores Vietnamese.
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';
import { adminPassword } from './seed';

test('switching to English is kept across reloads and sign-ins', async ({ page, browser, baseURL }) => {
  await signIn(page, 'admin', adminPassword);
  const menu = page.getByTestId('main-menu');
  await expect(menu).toContainText('Khách hàng tiềm năng');

  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(menu).toContainText('Leads');
  await expect(page.getByTestId('lead-create')).toHaveText('Create');
  await expect(page.getByTestId('lead-quick-add')).toHaveText('Quick add');
  await expect(page.getByTestId('sign-out')).toHaveText('Sign out');

  await page.reload();
  await expect(menu).toContainText('Leads');
  await expect(page.getByTestId('lead-create')).toHaveText('Create');

  // A fresh browser knows nothing of the choice until the user signs in.
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await signIn(otherPage, 'admin', adminPassword);
  await expect(otherPage.getByTestId('main-menu')).toContainText('Leads');
  await otherPage.getByTestId('language-switch').getByText('VI').click();
  await expect(otherPage.getByTestId('main-menu')).toContainText('Khách hàng tiềm năng');
  await other.close();
});
