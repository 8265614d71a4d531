"""interrupt.py SECONDS CMD...: starts CMD in its own process group, sends
SIGINT to the group after SECONDS (as Ctrl-C in a terminal does), and prints
how it ended: "exit N" or "signal NAME". Fails if it is still running 60 s
later."""
import os
import signal
import subprocess
import sys
import time

delay = float(sys.argv[1])
# lit's workers ignore SIGINT and children inherit that: restore the default
# a shell in a terminal gives.
proc = subprocess.Popen(
    sys.argv[2:], start_new_session=True,
    preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
time.sleep(delay)
if proc.poll() is not None:
    sys.exit("interrupt.py: the command ended before the interrupt")
os.killpg(proc.pid, signal.SIGINT)
try:
    code = proc.wait(timeout=60)
except subprocess.TimeoutExpired:
    os.killpg(proc.pid, signal.SIGKILL)
    sys.exit("interrupt.py: still running 60 s after SIGINT")
if code < 0:
    print("signal", signal.Signals(-code).name)
else:
    print("exit", code)
