// The people and records every browser test starts from, made through the HTTP API as admin.
export const adminPassword = 'admin-pass-123';
export const agentPassword = 'agent-pass-123';
export const binhLead = { name: 'Phạm Thị Hoa', mobile: '0987 654 321', email: 'hoa.pham@example.vn' };

/** Fresh unassigned (New) leads for the later tests, each used by one test; ids by name in SEN_E2E_LEADS. */
export const seededLeads = {
  interested: { full_name: 'Hồ Văn Tâm', mobile: '0905 000 001' },
  notInterested: { full_name: 'Mai Thị Hạnh', mobile: '0905 000 002' },
  deny: { full_name: 'Châu Văn Lộc', mobile: '0905 000 003' },
  callBackLater: { full_name: 'Tạ Thị Ngọc', mobile: '0905 000 004' },
  invalidNumber: { full_name: 'Lâm Văn Sơn', mobile: '0905 000 005' },
  wrongPerson: { full_name: 'Kiều Thị Oanh', mobile: '0905 000 006' },
  picked: { full_name: 'Vũ Minh Khoa', mobile: '0905 000 011' },
  noted: { full_name: 'Ngô Thị Lan', mobile: '0905 000 012' },
  doNotContact: { full_name: 'Lý Thị Mai', mobile: '0905 000 013' },
  trashed: { full_name: 'Đỗ Thị Thu', mobile: '0905 000 014' },
  custom: { full_name: 'Đặng Văn Hùng', mobile: '0905 000 015' },
  massOne: { full_name: 'Bùi Văn Một', mobile: '0905 000 021', company: 'Công ty Hải Âu' },
  massTwo: { full_name: 'Bùi Thị Hai', mobile: '0905 000 022', company: 'Công ty Hải Âu' },
  massThree: { full_name: 'Bùi Văn Ba', mobile: '0905 000 023', company: 'Công ty Hải Âu' },
  hueOne: { full_name: 'Tôn Nữ Thảo', mobile: '0905 000 031', province: 'Huế' },
  hueTwo: { full_name: 'Tôn Thất Bảo', mobile: '0905 000 032', province: 'Huế' },
  campaign: { full_name: 'Trịnh Văn Chiến', mobile: '0905 000 041' },
} as const;

export type SeededLead = keyof typeof seededLeads;

class AdminClient {
  private cookie = '';
  private csrf = '';

  constructor(private readonly baseURL: string) {}

  async signIn(): Promise<void> {
    const response = await fetch(`${this.baseURL}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: adminPassword }),
    });
    if (response.status !== 200) throw new Error(`admin sign-in: ${response.status} ${await response.text()}`);
    this.cookie = response.headers
      .getSetCookie()
      .map((header) => header.split(';')[0])
      .join('; ');
    this.csrf = ((await response.json()) as { csrf_token: string }).csrf_token;
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    const response = await fetch(`${this.baseURL}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: this.cookie, 'X-CSRF-Token': this.csrf },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
}

export async function seed(baseURL: string): Promise<{ binhLeadId: number; leadIds: Record<SeededLead, number> }> {
  const admin = new AdminClient(baseURL);
  await admin.signIn();
  const team = await admin.post<{ id: number }>('/api/teams', { name: 'Nhóm tư vấn Hà Nội' });
  const agent = (username: string, fullName: string) =>
    admin.post<{ id: number }>('/api/users', {
      username,
      password: agentPassword,
      full_name: fullName,
      email: `${username}@example.vn`,
      role: 'agent',
      team_id: team.id,
    });
  await agent('agent.an', 'Trần Văn An');
  const binh = await agent('agent.binh', 'Lê Thị Bình');
  const lead = await admin.post<{ id: number }>('/api/leads', {
    full_name: binhLead.name,
    mobile: binhLead.mobile,
    email: binhLead.email,
    owner_id: binh.id,
  });
  const leadIds = {} as Record<SeededLead, number>;
  for (const [key, fields] of Object.entries(seededLeads)) {
    leadIds[key as SeededLead] = (await admin.post<{ id: number }>('/api/leads', fields)).id;
  }
  return { binhLeadId: lead.id, leadIds };
}
