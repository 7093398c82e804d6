"""A simulated student for the local classroom hub: logs in, opens the nbgitpuller link, pulls, edits
files and runs a notebook's cells in a kernel of their own server. Used by tests/hub and
benchmarks/hub_class.py; it talks to the hub exactly over the URLs a browser would use.

The browser's JavaScript parts are done here in Python: the spawn-pending page waits on the hub's progress
stream, the nbgitpuller page reads the pull's event stream (/git-pull/api), and cells run over the kernel's
websocket (the same messages JupyterLab sends).
"""

from __future__ import annotations

import asyncio
import json
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field

import requests
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect


class HubError(RuntimeError):
    """Something a student would see as a failure: a refused login, a failed spawn or pull."""


@dataclass
class CellResult:
    index: int
    source: str
    status: str
    errors: list[str] = field(default_factory=list)   # error messages (ename: evalue)
    stderr: str = ""
    stdout: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "ok" and not self.errors and not self.stderr.strip()


class Student:
    def __init__(self, hub_url: str, name: str, password: str, timeout: float = 180):
        self.hub_url = hub_url.rstrip("/")
        self.name = name
        self.password = password
        self.timeout = timeout
        self.http = requests.Session()
        self.token: str | None = None

    # --- the hub -------------------------------------------------------------------------------------
    def log_in(self) -> None:
        """Post the login form, as the browser does (with the hub's _xsrf cookie)."""
        self.http.get(f"{self.hub_url}/hub/login", timeout=30).raise_for_status()
        response = self.http.post(f"{self.hub_url}/hub/login", allow_redirects=False, timeout=30, data={
            "username": self.name, "password": self.password, "_xsrf": self._hub_xsrf()})
        if response.status_code != 302:
            raise HubError(f"login of {self.name} refused (HTTP {response.status_code})")

    def _hub_xsrf(self) -> str:
        for cookie in self.http.cookies:
            if cookie.name == "_xsrf" and cookie.path == "/hub/":
                return cookie.value
        raise HubError("the hub set no _xsrf cookie")

    def hub_api(self, method: str, path: str, **kwargs) -> requests.Response:
        """A hub API call with the student's login cookie and the _xsrf header the hub asks for. The hub
        ties its _xsrf token to the login and renews the cookie on the next page shown after logging in,
        so a page is loaded first, as a browser has always done before its scripts call the API."""
        if method.upper() not in ("GET", "HEAD"):
            self.http.get(f"{self.hub_url}/hub/home", timeout=60)
        headers = {"X-XSRFToken": self._hub_xsrf(), **kwargs.pop("headers", {})}
        return self.http.request(method, f"{self.hub_url}/hub/api/{path.lstrip('/')}", headers=headers,
                                 timeout=30, **kwargs)

    def request_token(self) -> str:
        """An API token of the student's own (it carries only the student's own permissions)."""
        response = self.hub_api("POST", f"users/{self.name}/tokens", json={"note": "simulated student"})
        if response.status_code != 201:
            raise HubError(f"no token for {self.name}: HTTP {response.status_code} {response.text[:200]}")
        self.token = response.json()["token"]
        return self.token

    def open_link(self, link: str) -> requests.Response:
        """Follow a hub link as a browser does; when the hub shows the spawn-pending page, wait for the
        server on the hub's progress stream (what the page's script does), then follow the link again."""
        deadline = time.monotonic() + self.timeout
        while True:
            response = self.http.get(link, timeout=self.timeout)
            if "/spawn-pending/" not in response.url:
                return response
            self.wait_for_server(deadline)
            if time.monotonic() > deadline:
                raise HubError(f"the server of {self.name} did not start in {self.timeout} s")

    def wait_for_server(self, deadline: float) -> None:
        progress = f"{self.hub_url}/hub/api/users/{self.name}/server/progress"
        with self.http.get(progress, stream=True, timeout=self.timeout,
                           headers={"Accept": "text/event-stream"}) as stream:
            for line in stream.iter_lines(decode_unicode=True):
                if line and line.startswith("data:"):
                    event = json.loads(line[5:])
                    if event.get("failed"):
                        raise HubError(f"the server of {self.name} failed to start: {event.get('message')}")
                    if event.get("ready"):
                        return
                if time.monotonic() > deadline:
                    return

    # --- the student's own server --------------------------------------------------------------------
    @property
    def server_url(self) -> str:
        return f"{self.hub_url}/user/{self.name}"

    def server_api(self, method: str, path: str, owner: str | None = None, **kwargs) -> requests.Response:
        """A call to a single-user server's REST API with the student's token (owner: whose server)."""
        if self.token is None:
            self.request_token()
        url = f"{self.hub_url}/user/{owner or self.name}/api/{path.lstrip('/')}"
        headers = {"Authorization": f"token {self.token}", **kwargs.pop("headers", {})}
        return requests.request(method, url, headers=headers, timeout=60, allow_redirects=False, **kwargs)

    def pull(self, repository: str, branch: str, targetpath: str, **options: str) -> list[str]:
        """Run the pull the nbgitpuller page runs (its event stream); returns git's output lines.
        `options` are further link parameters (backup="true", depth="0")."""
        query = urllib.parse.urlencode({"repo": repository, "branch": branch, "targetpath": targetpath, **options})
        output = []
        with self.http.get(f"{self.server_url}/git-pull/api?{query}", stream=True, timeout=self.timeout) as stream:
            stream.raise_for_status()
            for line in stream.iter_lines(decode_unicode=True):
                if not line or not line.startswith("data:"):
                    continue
                event = json.loads(line[5:])
                if event.get("output"):
                    output.append(event["output"])
                if event.get("phase") == "error":
                    raise HubError(f"pull failed for {self.name}: {event.get('message')}\n{''.join(output)}")
                if event.get("phase") == "finished":
                    return output
        raise HubError(f"pull stream ended without finishing for {self.name}:\n{''.join(output)}")

    def read(self, path: str, owner: str | None = None) -> requests.Response:
        return self.server_api("GET", f"contents/{urllib.parse.quote(path)}", owner=owner)

    def notebook(self, path: str) -> dict:
        response = self.read(path)
        response.raise_for_status()
        return response.json()["content"]

    def save_notebook(self, path: str, notebook: dict) -> None:
        """Save as JupyterLab saves: PUT the whole notebook model to the contents API."""
        response = self.server_api("PUT", f"contents/{urllib.parse.quote(path)}",
                                   json={"type": "notebook", "format": "json", "content": notebook})
        response.raise_for_status()

    def save_text(self, path: str, text: str) -> None:
        response = self.server_api("PUT", f"contents/{urllib.parse.quote(path)}",
                                   json={"type": "file", "format": "text", "content": text})
        response.raise_for_status()

    def run_notebook(self, path: str, cell_timeout: float = 120) -> list[CellResult]:
        """Run every code cell of the notebook at `path`, in order, in a fresh kernel (see run_cells)."""
        cells = self.notebook(path)["cells"]
        return self.run_cells(path, [(index, cell["source"]) for index, cell in enumerate(cells)
                                     if cell["cell_type"] == "code"], cell_timeout)

    def run_cells(self, path: str, sources: list, cell_timeout: float = 120) -> list[CellResult]:
        """Open a kernel session on `path` (the kernel starts in the notebook's folder, as in JupyterLab),
        run the sources (strings, or (cell index, source) pairs) over the websocket, shut the kernel down."""
        cells = [item if isinstance(item, tuple) else (number, item) for number, item in enumerate(sources)]
        response = self.server_api("POST", "sessions", json={
            "path": path, "type": "notebook", "name": path.rsplit("/", 1)[-1], "kernel": {"name": "python3"}})
        response.raise_for_status()
        session = response.json()
        try:
            return asyncio.run(self._run_cells(session["kernel"]["id"], cells, cell_timeout))
        finally:
            self.server_api("DELETE", f"sessions/{session['id']}")

    async def _run_cells(self, kernel_id: str, cells: list[tuple], cell_timeout: float) -> list[CellResult]:
        ws_url = self.server_url.replace("http://", "ws://", 1) + f"/api/kernels/{kernel_id}/channels"
        connection = await websocket_connect(HTTPRequest(ws_url, headers={"Authorization": f"token {self.token}"},
                                                         request_timeout=60, connect_timeout=60))
        session_id = uuid.uuid4().hex
        results = []
        try:
            for index, source in cells:
                source = source if isinstance(source, str) else "".join(source)
                results.append(await self._execute(connection, session_id, index, source, cell_timeout))
        finally:
            connection.close()
        return results

    async def _execute(self, connection, session_id: str, index: int, source: str, timeout: float) -> CellResult:
        msg_id = uuid.uuid4().hex
        connection.write_message(json.dumps({
            "header": {"msg_id": msg_id, "username": self.name, "session": session_id,
                       "msg_type": "execute_request", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": source, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True},
        }))
        result = CellResult(index, source, status="timeout")
        idle = replied = False
        deadline = time.monotonic() + timeout
        while not (idle and replied):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return result
            raw = await asyncio.wait_for(connection.read_message(), remaining)
            if raw is None:
                result.status = "connection closed"
                return result
            message = json.loads(raw)
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = message["msg_type"], message["content"]
            if kind == "error":
                result.errors.append(f"{content['ename']}: {content['evalue']}")
            elif kind == "stream" and content.get("name") == "stderr":
                result.stderr += content["text"]
            elif kind == "stream":
                result.stdout += content["text"]
            elif kind == "execute_reply":
                result.status = content["status"]
                replied = True
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
        return result
