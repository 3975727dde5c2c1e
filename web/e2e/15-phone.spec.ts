// At phone width the frame gives the page the screen: the menu is a drawer opened from the header,
// over the page, closed by the choice of a page; the header's name is cut short, not squeezed into
// a column; no gap is left around the page.
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';
import { agentPassword } from './seed';

test.use({ viewport: { width: 390, height: 844 } });

test('at phone width the menu opens over the page from the header and closes once a page is picked', async ({
  page,
}) => {
  await signIn(page, 'agent.an', agentPassword);
  const header = (await page.locator('.ant-layout-header').boundingBox())!;
  expect(header.x).toBe(0);
  expect(header.width).toBe(390);
  const menu = page.getByTestId('main-menu');
  await expect(menu).toBeHidden();
  await page.getByTestId('menu-open').click();
  await menu.getByRole('link', { name: 'Chiến dịch' }).click();
  await expect(page).toHaveURL(/\/campaigns$/);
  await expect(menu).toBeHidden();
  // The page has the width: its title is not broken over lines nor under the menu button.
  const title = page.getByRole('heading', { name: 'Chiến dịch' });
  const box = (await title.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(header.y + header.height);
  expect(box.height).toBeLessThan(50);
  const name = (await page.getByTestId('current-user').boundingBox())!;
  expect(name.height).toBeLessThan(40);
});
