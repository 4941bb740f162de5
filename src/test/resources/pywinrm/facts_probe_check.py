"""Runs Debian's pywinrm 0.3.0 against hvcluster's simulated cluster with the project's real facts probe.

Usage: python3 facts_probe_check.py URL USER PASSWORD PROBE_FILE
Prints one JSON object. run_ps() is emulated with run_cmd() exactly as pywinrm builds it
('powershell -encodedcommand ' + base64(UTF-16LE script)), because 0.3.0's run_ps raises TypeError on any stderr.
"""
import base64
import json
import sys

try:
    import winrm
except ImportError as e:
    print("IMPORT-ERROR: %s" % e, file=sys.stderr)
    sys.exit(3)

url, user, password, probe_file = sys.argv[1:5]
session = winrm.Session(url, auth=(user, password), transport='plaintext')
probe = open(probe_file, encoding='utf-8-sig').read()


def result(r):
    return {"status": r.status_code, "stdout": r.std_out.decode('ascii', 'replace'),
            "stderr": r.std_err.decode('ascii', 'replace')}


def attempt(command):
    try:
        return result(session.run_cmd(command))
    except Exception as e:  # pywinrm turns a WS-Management fault (HTTP 500) into WinRMError with its code
        return {"exception": type(e).__name__, "message": str(e)}


command = 'powershell -encodedcommand {0}'.format(base64.b64encode(probe.encode('utf_16_le')).decode('ascii'))
print(json.dumps({
    "hostname": result(session.run_cmd('hostname')),
    "commandLength": len(command),
    "probe": attempt(command),
}))
