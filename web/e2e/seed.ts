// The people and records every browser test starts from, made through the HTTP API as admin.
export const adminPassword = 'admin-pass-123';
export const agentPassword = 'agent-pass-123';
export const binhLead = { name: 'Phạm Thị Hoa', mobile: '0987 654 321', email: 'hoa.pham@example.vn' };

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

export async function seed(baseURL: string): Promise<{ binhLeadId: number }> {
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
  return { binhLeadId: lead.id };
}
