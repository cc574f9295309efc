"""`kg serve`'s front: a small HTTP server in front of Oxigraph's, which listens on a private loopback port.

Oxigraph's server offers a query timeout (passed on) but no limit on the size of a request, no way to turn off
SERVICE, no check of where a write comes from, and a parser that a deeply nested query crashes. The front does
those before a request reaches it:

- a request body larger than its limit (SPARQL text: ``max_query_bytes``; Graph Store uploads:
  ``max_upload_bytes``) is answered 413 without being kept: the front reads and drops what the client still
  sends (a bounded amount, for a bounded time) before it closes, so that a client which writes its whole body
  before it reads gets the answer rather than a broken pipe;
- query and update text is checked by ``kg.guard`` (nesting, SERVICE unless ``allow_service``): 400;
- on a writable server, a write whose ``Origin`` is not the server's own (a page of another site posting a
  form) or whose ``Host`` is not a name of this server (DNS rebinding) is answered 403, unless that origin is
  listed in ``allow_origins``.

Everything else is passed through as it is, answers streamed back.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import http.client
import http.server
import signal
import socket
import socketserver
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field

from kg.errors import QueryError, StoreError
from kg.guard import check_query

HOP_HEADERS = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
               "transfer-encoding", "upgrade", "host", "content-length"}
READS = ("GET", "HEAD", "OPTIONS")
QUERY_TYPES = ("application/sparql-query", "application/sparql-update")
FORM = "application/x-www-form-urlencoded"
DRAIN_BYTES = 64 * 1024 * 1024  # of a refused body, read and dropped before the connection closes
DRAIN_SECONDS = 10.0


@dataclass
class Policy:
    """What the front lets through."""

    upstream: tuple[str, int]
    host: str
    port: int
    allow_update: bool = False
    allow_service: bool = False
    allow_origins: tuple[str, ...] = ()
    max_query_bytes: int = 1_000_000
    max_upload_bytes: int = 512_000_000
    timeout: float = 60.0
    names: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        """The names a loopback server is reached by (a server on every address cannot know its names)."""
        if self.host in ("127.0.0.1", "localhost", "::1"):
            self.names = {f"{h}:{self.port}" for h in ("localhost", "127.0.0.1", "[::1]")}

    def own_origin(self, origin: str, host: str) -> bool:
        """An origin may write when it is listed, or is this server itself (the page it serves)."""
        parts = urllib.parse.urlsplit(origin)
        return origin in self.allow_origins or "*" in self.allow_origins or \
            (parts.scheme in ("http", "https") and bool(host) and parts.netloc.lower() == host)


class Refused(Exception):
    def __init__(self, status: int, message: str, unread: int = 0):
        super().__init__(message)
        self.status = status
        self.unread = unread  # bytes of the body still on the wire, to drop before closing


def _texts(method: str, path: str, content_type: str, body: bytes) -> list[str]:
    """The SPARQL query or update texts a request carries (in its URL, as its body, or in a form)."""
    parts = urllib.parse.urlsplit(path)
    found = [v for k, v in urllib.parse.parse_qsl(parts.query) if k in ("query", "update")]
    if method == "POST" and content_type in QUERY_TYPES:
        found.append(body.decode("utf-8", "replace"))
    elif method == "POST" and content_type == FORM:
        found += [v for k, v in urllib.parse.parse_qsl(body.decode("utf-8", "replace")) if k in ("query", "update")]
    return found


def _is_write(method: str, path: str) -> bool:
    """Anything but a read or a query posted to /query (updates, Graph Store writes)."""
    return method not in READS and not (method == "POST" and urllib.parse.urlsplit(path).path.rstrip("/") == "/query")


def check_request(policy: Policy, method: str, path: str, headers, body: bytes) -> None:
    """Raise ``Refused`` for a request the front does not pass on."""
    content_type = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if policy.allow_update and _is_write(method, path):
        host = (headers.get("Host") or "").lower()
        origin = headers.get("Origin")
        if origin and not policy.own_origin(origin, host):
            raise Refused(403, f"writes from the origin {origin} are refused: only pages of this server may write "
                               f"(kg serve --allow-origin {origin} lets them through)")
        if policy.names and host not in policy.names and "*" not in policy.allow_origins:
            raise Refused(403, f"writes addressed to the host {host or '(none)'} are refused: it is not a name of this "
                               "server (a page of another site reaching it through its own domain name)")
    for text in _texts(method, path, content_type, body):
        if len(text.encode("utf-8", "replace")) > policy.max_query_bytes:
            raise Refused(413, f"the SPARQL text is larger than {policy.max_query_bytes:,} bytes")
        try:
            check_query(text, allow_service=policy.allow_service)
        except QueryError as err:
            raise Refused(400, str(err)) from None


class Front(http.server.BaseHTTPRequestHandler):
    policy: Policy
    protocol_version = "HTTP/1.1"

    def log_message(self, *_args) -> None:  # quiet, as Oxigraph's server is
        pass

    def _refuse(self, status: int, message: str) -> None:
        data = (message + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)
        self.close_connection = True

    def _drain(self, size: int) -> None:
        """Read and drop up to ``size`` bytes of a refused body (at most ``DRAIN_BYTES``, ``DRAIN_SECONDS``)."""
        left = min(size, DRAIN_BYTES)
        deadline = time.monotonic() + DRAIN_SECONDS
        with contextlib.suppress(OSError):
            self.connection.settimeout(1.0)
            while left > 0 and time.monotonic() < deadline:
                chunk = self.rfile.read1(min(left, 65536))
                if not chunk:
                    break
                left -= len(chunk)

    def _body(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            raise Refused(411, "send the request with a Content-Length")
        size = int(self.headers.get("Content-Length") or 0)
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        limit = self.policy.max_query_bytes if content_type in (*QUERY_TYPES, FORM) else self.policy.max_upload_bytes
        if size > limit:
            raise Refused(413, f"the request body of {size:,} bytes is larger than the {limit:,} this server takes",
                          unread=size)
        return self.rfile.read(size) if size else b""

    def _handle(self) -> None:
        try:
            body = self._body()
            check_request(self.policy, self.command, self.path, self.headers, body)
        except Refused as err:
            self._refuse(err.status, str(err))
            self._drain(err.unread)
            return
        except ValueError:
            self._refuse(400, "malformed Content-Length")
            return
        self._forward(body)

    def _forward(self, body: bytes) -> None:
        upstream = getattr(self.server, "upstream", None)
        if upstream:
            upstream.ready.wait(60)  # a restart after an overrun takes a moment
        child = upstream.proc if upstream else None
        reading = not _is_write(self.command, self.path)  # writes are not cut short: Oxigraph commits them whole
        conn = http.client.HTTPConnection(*self.policy.upstream, timeout=self.policy.timeout if reading else None)
        started = False
        try:
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_HEADERS}
            if body or self.command not in READS:
                headers["Content-Length"] = str(len(body))
            conn.request(self.command, self.path, body=body or None, headers=headers)
            answer = conn.getresponse()
            self.send_response(answer.status, answer.reason)
            started = True
            self._stream(answer)
        except TimeoutError:
            self.close_connection = True
            if upstream:
                upstream.overrun(child)
            if not started:
                self._refuse(503, f"the request ran past the {self.policy.timeout:g} s limit (kg serve --timeout) "
                                  "and was stopped")
        except (OSError, http.client.HTTPException) as err:
            self.close_connection = True
            if not started:
                self._refuse(502, f"the SPARQL server behind kg serve did not answer: {err}")
        finally:
            conn.close()

    def _stream(self, answer: http.client.HTTPResponse) -> None:
        """Copy the answer's headers and body (as it comes, chunked when its length is not known)."""
        length = answer.getheader("Content-Length")
        for key, value in answer.getheaders():
            if key.lower() not in HOP_HEADERS:
                self.send_header(key, value)
        if length is not None:
            self.send_header("Content-Length", length)
        elif self.command != "HEAD":
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        if self.command == "HEAD":
            return
        deadline = time.monotonic() + self.policy.timeout
        while chunk := answer.read1(65536):
            self.wfile.write(chunk if length is not None else b"%x\r\n%s\r\n" % (len(chunk), chunk))
            if time.monotonic() > deadline and not _is_write(self.command, self.path):
                self.close_connection = True  # closing the connection stops Oxigraph's streaming
                return
        if length is None:
            self.wfile.write(b"0\r\n\r\n")

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_PATCH = _handle


class FrontServer(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class FrontServer6(FrontServer):
    address_family = socket.AF_INET6


def make_front(policy: Policy) -> FrontServer:
    """The front bound to ``policy.host:policy.port`` (an ``OSError`` if that address is taken)."""
    handler = type("BoundFront", (Front,), {"policy": policy})
    host = policy.host.strip("[]")
    return (FrontServer6 if ":" in host else FrontServer)((host, policy.port), handler)


def _parent_death_signal():
    """A function that, run in a child process between fork and exec, asks Linux to end the child (SIGTERM) when
    this process dies, even by kill -9 (None where there is no prctl)."""
    try:
        prctl = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    return lambda: prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _wait_until_up(proc: subprocess.Popen, port: int, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while proc.poll() is None and time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.1)
    raise StoreError("Oxigraph's server did not start" + (f" (exit status {proc.returncode})" if proc.poll() else ""))


def _relay(stream) -> None:
    """Pass the server's messages on, but not its own address (the front's is the one to use)."""
    for line in stream:
        if not line.startswith(b"Listening for requests"):
            sys.stderr.buffer.write(line)
            sys.stderr.flush()


class Upstream:
    """Oxigraph's server as a child process on a private port, never outliving this process. Oxigraph does not stop
    a query that computes past its timeout (a cartesian COUNT, an ORDER BY over billions of rows), so ``overrun``
    restarts it: the query's memory and CPU are given back, and requests in flight get a 502."""

    def __init__(self, command_for: Callable[[int], list[str]], policy: Policy):
        self.command_for, self.policy = command_for, policy
        self.lock = threading.Lock()
        self.proc: subprocess.Popen | None = None
        self.wanted: subprocess.Popen | None = None
        self.ready = threading.Event()
        self.restarts = 0

    def start(self) -> None:
        port = free_port()
        self.proc = subprocess.Popen(self.command_for(port), preexec_fn=_parent_death_signal(),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        threading.Thread(target=_relay, args=(self.proc.stderr,), daemon=True).start()
        _wait_until_up(self.proc, port)
        self.policy.upstream = ("127.0.0.1", port)

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def overrun(self, started_with: subprocess.Popen | None) -> None:
        """Ask for a restart (made by the main thread: Linux ends a child when the thread that started it ends)."""
        with self.lock:
            if self.proc is started_with:
                self.wanted = started_with
                self.ready.clear()

    def watch(self) -> bool:
        """Restart the server if asked; False once it has ended by itself."""
        with self.lock:
            if self.wanted is not None and self.wanted is self.proc:
                self.stop()
                self.restarts += 1
                self.start()
            self.wanted = None
            self.ready.set()
            return self.proc is not None and self.proc.poll() is None


def run(command_for: Callable[[int], list[str]], policy: Policy) -> int:
    """Oxigraph's server (``command_for(port)``) behind the front, until SIGTERM, Ctrl-C or the server's own end.
    Returns the exit status."""
    try:
        front = make_front(policy)
    except OSError as err:
        raise StoreError(f"cannot listen on {policy.host}:{policy.port}: {err.strerror or err}") from None
    upstream = Upstream(command_for, policy)
    front.upstream = upstream
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        upstream.start()
        threading.Thread(target=front.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True).start()
        while not stop.wait(0.2) and upstream.watch():
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        front.shutdown()
        front.server_close()
        upstream.stop()
    code = upstream.proc.returncode if upstream.proc else 1
    return 0 if stop.is_set() or code in (0, -signal.SIGTERM) else code
