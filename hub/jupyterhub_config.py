"""JupyterHub settings for a LOCAL TRIAL classroom: everything listens on 127.0.0.1 only.

Started by hub/run_hub.py (`make hub`), which passes its choices in environment variables:
  STATUSQUO_HUB_STATE     folder for the hub's database, cookie secret and logs
  STATUSQUO_HUB_HOMES     folder holding one home folder per student
  STATUSQUO_HUB_STUDENTS  comma-separated student names (the only names that may log in)
  STATUSQUO_HUB_PASSWORD  the shared student password (8 characters or more)
  STATUSQUO_HUB_TEACHER, STATUSQUO_HUB_TEACHER_PASSWORD  an optional admin (password >= 32 characters)
  STATUSQUO_HUB_PORT, STATUSQUO_HUB_INTERNAL_PORT, STATUSQUO_HUB_PROXY_API_PORT
  STATUSQUO_HUB_START_TIMEOUT  seconds a student's server may take to start (default 180)
  STATUSQUO_HUB_RUN       a marker every process of this hub carries, so all of them can be stopped

Not for a real class: SimpleLocalProcessSpawner runs every student's server as the same operating-system
user (no isolation between students' files at that level), and a shared password lets anyone who knows
it log in under any student's name. teacher/classroom_server.md gives real-class settings.
"""

import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (JupyterHub defines get_config when it loads this file)

LOOPBACK = "127.0.0.1"
environ = os.environ
state = Path(environ["STATUSQUO_HUB_STATE"])
homes = Path(environ["STATUSQUO_HUB_HOMES"])
# The bundle's own environment: the hub, the proxy, the students' servers and kernels all run from the
# virtual environment that runs this file, so students get exactly the pinned packages.
venv_bin = Path(sys.executable).parent

# --- Where it listens: loopback only ------------------------------------------------------------------
c.JupyterHub.bind_url = f"http://{LOOPBACK}:{environ.get('STATUSQUO_HUB_PORT', '8000')}"
c.JupyterHub.hub_ip = LOOPBACK
c.JupyterHub.hub_port = int(environ.get("STATUSQUO_HUB_INTERNAL_PORT", "8081"))
c.JupyterHub.hub_connect_ip = LOOPBACK
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(state / "jupyterhub.pid")
# A stopped hub stops every student's server too (and the proxy): nothing is left running.
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True

# The proxy is the PyPI package configurable-http-proxy (Python), so no Node is needed.
c.ConfigurableHTTPProxy.command = [str(venv_bin / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.api_url = f"http://{LOOPBACK}:{environ.get('STATUSQUO_HUB_PROXY_API_PORT', '8001')}"
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
c.ConfigurableHTTPProxy.debug = False

# --- Who may log in: the listed students, with one shared password -----------------------------------
c.JupyterHub.authenticator_class = "shared-password"
students = [name.strip() for name in environ.get("STATUSQUO_HUB_STUDENTS", "").split(",") if name.strip()]
teacher = environ.get("STATUSQUO_HUB_TEACHER", "").strip()
c.Authenticator.allowed_users = set(students)
c.SharedPasswordAuthenticator.user_password = environ["STATUSQUO_HUB_PASSWORD"]
if teacher and environ.get("STATUSQUO_HUB_TEACHER_PASSWORD"):
    # An admin sees every student's server (Admin page) and may open it to help.
    c.Authenticator.admin_users = {teacher}
    c.SharedPasswordAuthenticator.admin_password = environ["STATUSQUO_HUB_TEACHER_PASSWORD"]

# --- One local process per student, each with its own home folder ------------------------------------
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(homes / "{username}")
c.Spawner.notebook_dir = str(homes / "{username}")
c.Spawner.cmd = [str(venv_bin / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.ip = LOOPBACK
# A loaded two-core machine with a class spawning at once needs more than the default 60 s.
c.Spawner.start_timeout = int(environ.get("STATUSQUO_HUB_START_TIMEOUT", "180"))
c.Spawner.http_timeout = int(environ.get("STATUSQUO_HUB_START_TIMEOUT", "180"))
args = [
    # No calls to the internet from a student's JupyterLab: no news feed, no update check.
    "--LabApp.news_url=None",
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
]
if os.geteuid() == 0:
    args.append("--allow-root")  # containers and CI machines often run as root
c.Spawner.args = args
# What the students' servers inherit from the hub: the environment's PATH (git, the venv), the network
# guard of the test suite (PYTHONPATH, and the proxy variables it points at a closed local port), a fixed
# hash seed (stored outputs), and the run marker.
c.Spawner.env_keep = [
    "PATH", "PYTHONPATH", "LANG", "LC_ALL", "VIRTUAL_ENV", "PYTHONHASHSEED", "MPLBACKEND",
    "http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "no_proxy", "NO_PROXY",
    "STATUSQUO_HUB_RUN", "JUPYTERHUB_SINGLEUSER_APP",
]
