"""Start a moto AWS emulator for the integration tests and let the test steer it.

moto cannot turn on root MFA or create root access keys through any API (neither can
real AWS), so the test harness flips those flags inside this process instead.

Protocol (line based, so the Rust side needs nothing but pipes):
  stdout, once ready:   "READY <port>"
  stdin commands:       "root-mfa 0|1", "root-keys 0|1", "enforce-auth", "reset"
                        -> answers "OK" or "ERR <why>"
                        ("reset": every service back to a brand-new account, faster than
                        starting another emulator)
                        ("enforce-auth": from now on every request must be signed by an
                        IAM user's access key and is checked against that user's policies)
  stdin closed:         the server stops and the process exits.
"""

import os
import socket
import sys

os.environ.setdefault("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")

from moto.server import ThreadedMotoServer  # noqa: E402

ACCOUNT_ID = "123456789012"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def account_summary():
    from moto.iam.models import iam_backends

    return iam_backends[ACCOUNT_ID]["aws"].account_summary


def enforce_auth() -> None:
    from moto import settings
    from moto.core.authorization import ActionAuthenticatorMixin

    settings.INITIAL_NO_AUTH_ACTION_COUNT = 0
    ActionAuthenticatorMixin.request_count = 0


def handle(line: str) -> str:
    parts = line.split()
    if parts == ["enforce-auth"]:
        enforce_auth()
        return "OK"
    if parts == ["reset"]:
        from moto.moto_api._internal.models import moto_api_backend

        moto_api_backend.reset()
        return "OK"
    if len(parts) != 2 or parts[1] not in ("0", "1"):
        return "ERR expected '<flag> 0|1'"
    flag, value = parts[0], int(parts[1])
    if flag == "root-mfa":
        account_summary()._account_mfa_enabled = value
    elif flag == "root-keys":
        account_summary()._account_access_keys_present = value
    else:
        return f"ERR unknown flag {flag}"
    return "OK"


def main() -> None:
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    print(f"READY {port}", flush=True)
    try:
        for line in sys.stdin:
            line = line.strip()
            if line:
                print(handle(line), flush=True)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
