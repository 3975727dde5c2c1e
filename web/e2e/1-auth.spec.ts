// Signing in: the admin reaches the leads list; a wrong password is refused with a message.
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';
import { adminPassword } from './seed';

test('admin signs in and sees the leads list', async ({ page }) => {
  await signIn(page, 'admin', adminPassword);
  await expect(page).toHaveURL(/\/leads$/);
  await expect(page.getByRole('heading', { name: 'Khách hàng tiềm năng' })).toBeVisible();
  await expect(page.getByTestId('lead-table')).toBeVisible();
  await expect(page.getByTestId('lead-total')).toHaveText(/Tổng số: \d+/);
  await expect(page.getByTestId('current-user')).toContainText('Quản trị viên');
});

test('signing in at /login lands on the leads list, not on "page not found"', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(adminPassword);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/\/leads$/);
  await expect(page.getByTestId('lead-table')).toBeVisible();
});

test('a wrong password shows an error and keeps the login page', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toHaveText('Sai tên đăng nhập hoặc mật khẩu.');
  await expect(page.getByTestId('main-menu')).toHaveCount(0);
});
