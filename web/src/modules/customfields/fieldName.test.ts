import { expect, test } from 'vitest';
import { fieldNameFrom } from './fieldName';

test('a Vietnamese header becomes a field name without diacritics', () => {
  expect(fieldNameFrom('Trường học')).toBe('truong_hoc');
  expect(fieldNameFrom('  Điểm IELTS (dự kiến) ')).toBe('diem_ielts_du_kien');
  expect(fieldNameFrom('ĐỊA CHỈ')).toBe('dia_chi');
  // NFD input (as some Mac files have it) folds the same way.
  expect(fieldNameFrom('Trường học'.normalize('NFD'))).toBe('truong_hoc');
});

test('the name starts with a letter, has two characters at least and 40 at most', () => {
  expect(fieldNameFrom('2024 Lớp')).toBe('f_2024_lop');
  expect(fieldNameFrom('A')).toBe('a_field');
  expect(fieldNameFrom('—')).toBe('');
  // Cut at 40, without the _ the cut left at the end.
  expect(fieldNameFrom('Ghi chú '.repeat(10))).toBe('ghi_chu_ghi_chu_ghi_chu_ghi_chu_ghi_chu');
  expect(fieldNameFrom('Số điện thoại phụ huynh học sinh lớp mười')).toBe('so_dien_thoai_phu_huynh_hoc_sinh_lop_muo');
});
