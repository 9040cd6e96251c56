/**
 * Python applications for tests: stdlib only, serving on ML_APP_PORT like a
 * user's app would.
 */

/**
 * Answers every GET with what it received (path, headers) as JSON, and
 * echoes websocket text messages on /ws. Python's standard library has no
 * websocket server, so the handshake and framing (RFC 6455) are by hand.
 */
export const ECHO_APP = String.raw`
import base64, hashlib, json, os, struct
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/ws" and self.headers.get("Upgrade", "").lower() == "websocket":
            return self.websocket()
        if self.path == "/elsewhere":
            self.send_response(302)
            self.send_header("Location", "/login")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = json.dumps({
            "app": os.environ["ML_APP_SLUG"],
            "path": self.path,
            "headers": {k.lower(): v for k, v in self.headers.items()},
        }).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        data = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def websocket(self):
        accept = base64.b64encode(hashlib.sha1((self.headers["Sec-WebSocket-Key"] + GUID).encode()).digest()).decode()
        self.send_response(101, "Switching Protocols")
        self.send_header("Upgrade", "websocket")
        self.send_header("Connection", "Upgrade")
        self.send_header("Sec-WebSocket-Accept", accept)
        self.end_headers()
        self.wfile.flush()
        user = self.headers.get("X-ML-User", "")
        while True:
            head = self.rfile.read(2)
            if len(head) < 2:
                return
            opcode, length = head[0] & 0x0F, head[1] & 0x7F
            if length == 126:
                length = struct.unpack(">H", self.rfile.read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self.rfile.read(8))[0]
            mask = self.rfile.read(4) if head[1] & 0x80 else b"\0\0\0\0"
            payload = bytes(b ^ mask[i % 4] for i, b in enumerate(self.rfile.read(length)))
            if opcode == 8:
                self.wfile.write(b"\x88\x00")
                return
            if opcode == 1:
                reply = ("echo " + payload.decode() + " from " + user).encode()
                size = len(reply)
                header = bytes([0x81, size]) if size < 126 else bytes([0x81, 126]) + struct.pack(">H", size)
                self.wfile.write(header + reply)
                self.wfile.flush()

port = int(os.environ["ML_APP_PORT"])
print(f"serving on {port}", flush=True)
ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
`;

/**
 * Sets the cookies a careless (or hostile) app might on GET /cookies: the
 * portal's own session and refresh cookies, and one of its own for the whole
 * site; answers every other request with its method and cookie header.
 */
export const COOKIE_APP = String.raw`
import json, os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self):
        body = json.dumps({"method": self.command, "cookie": self.headers.get("Cookie")}).encode()
        self.send_response(200)
        if self.path == "/cookies":
            self.send_header("Set-Cookie", "backstage-auth=forged; Path=/; HttpOnly")
            self.send_header("Set-Cookie", "github-refresh-token=forged; Path=/api/auth/github")
            self.send_header("Set-Cookie", "github-refresh-token-0=forged")
            self.send_header("Set-Cookie", "__Host-backstage-auth=forged; Path=/; Secure")
            self.send_header("Set-Cookie", "theme=dark; Domain=localhost; Path=/; SameSite=Lax")
            self.send_header("Set-Cookie", "cart=3; Path=/checkout")
            self.send_header("Set-Cookie", "mine=1; Path=" + os.environ["ML_APP_BASE_PATH"] + "x")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self.answer()

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.answer()

    do_PUT = do_POST
    do_PATCH = do_POST
    do_DELETE = do_POST

port = int(os.environ["ML_APP_PORT"])
print(f"serving on {port}", flush=True)
ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
`;
