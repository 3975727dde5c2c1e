// List names compared as the server compares them: ignoring case and Vietnamese marks, so that
// "hoi cho" finds "Hội chợ" and is the same name.
export const foldName = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().trim();
