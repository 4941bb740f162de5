"""Runs Debian's pywinrm 0.3.0 against a simulated host and prints what it saw as one JSON object.

Usage: python3 session_check.py URL USER PASSWORD
"""
import json
import sys

try:
    import winrm
except ImportError as e:  # the Java test turns this exit code into an install hint
    print("IMPORT-ERROR: %s" % e, file=sys.stderr)
    sys.exit(3)

url, user, password = sys.argv[1:4]
session = winrm.Session(url, auth=(user, password), transport='plaintext')


def result(r):
    return {"status": r.status_code, "stdout": r.std_out.decode('ascii', 'replace'),
            "stderr": r.std_err.decode('ascii', 'replace')}


out = {
    "version": getattr(winrm, '__version__', 'unknown'),
    "hostname": result(session.run_cmd('hostname')),
    "cmd_exit": result(session.run_cmd('cmd.exe', ['/c', 'echo out && echo err>&2 && exit 7'])),
    # 0.3.0's run_ps crashes on any stderr (bytes.startswith(str)), so only the success path is usable.
    "ps": result(session.run_ps('Write-Output "hello from ps"')),
}
print(json.dumps(out))
