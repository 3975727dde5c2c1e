#!/usr/bin/env python3
"""Creates a lead with 1,000 timeline entries (calls, notes, edits) through the API; prints its id."""
import http.client
import json
import sys

port, token = sys.argv[1], sys.argv[2]
conn = http.client.HTTPConnection("127.0.0.1", int(port))
headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}


def post(method, path, body):
    conn.request(method, path, json.dumps(body), headers)
    res = conn.getresponse()
    data = res.read()
    if res.status >= 300:
        sys.exit(f"{method} {path}: {res.status} {data[:300]}")
    return json.loads(data) if data else None


lead = post("POST", "/api/leads", {"full_name": "Nguyễn Bận Rộn", "mobile": "0929999999", "source": "Benchmark"})
lid = lead["id"]
for i in range(333):
    post("POST", "/api/calls", {"parent_type": "lead", "parent_id": lid, "subject": f"Cuộc gọi {i}",
                                "status": "completed", "result": "call_back_later", "duration_s": 30})
    post("POST", "/api/notes", {"parent_type": "lead", "parent_id": lid, "body": f"Ghi chú số {i}\nKhách hẹn gọi lại."})
    post("PATCH", f"/api/leads/{lid}", {"title": f"Chức danh {i}"})
print(lid)
