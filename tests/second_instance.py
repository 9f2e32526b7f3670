"""Another instance of the app, in a process of its own, for tests of what instances share.

Reads `{"config": {...}, "requests": [{"path", "json", "remote_addr"}]}` as JSON on stdin,
builds the app with `config`, sends each POST through its test client and prints the list
of status codes as JSON.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parent.parent


def run(config: dict[str, Any], requests: list[dict[str, Any]]) -> list[int]:
    """Send `requests` through a fresh app in a new process; their status codes."""
    result = subprocess.run(
        [sys.executable, __file__], input=json.dumps({"config": config, "requests": requests}),
        capture_output=True, text=True, cwd=ROOT, timeout=60, check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"second instance failed:\n{result.stderr}")
    statuses: list[int] = json.loads(result.stdout.strip().splitlines()[-1])
    return statuses


def main() -> None:
    """Serve the requests read from stdin."""
    sys.path.insert(0, str(ROOT))
    from chatbot import create_app

    order = json.load(sys.stdin)
    client = create_app(order["config"]).test_client()
    statuses = []
    for item in order["requests"]:
        response = client.post(item["path"], json=item.get("json"),
                               environ_base={"REMOTE_ADDR": item.get("remote_addr", "127.0.0.1")})
        statuses.append(response.status_code)
    print(json.dumps(statuses))


if __name__ == "__main__":
    main()
