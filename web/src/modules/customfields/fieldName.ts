// The name a custom field gets from a column header ("Trường học" -> "truong_hoc"): what the
// server accepts (a lowercase letter, then letters, digits or _, 2-40 characters), or '' when
// the header has nothing to make one of.
const maxLength = 40;

export function fieldNameFrom(header: string): string {
  let name = header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (name === '') return '';
  if (!/^[a-z]/.test(name)) name = `f_${name}`;
  if (name.length < 2) name = `${name}_field`;
  return name.slice(0, maxLength).replace(/_+$/, '');
}
