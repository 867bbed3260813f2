#!/usr/bin/env python3
"""The demo's stand-in for the storefront's pods, which kwok does not run: every response names the path and how
many times this origin has served it ("/static/app.css #2"), so a cached response is told apart from a fresh one.
Usage: origin.py PORT"""
import sys
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

served = Counter()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        path = self.path.split("?")[0]
        if path != "/":
            served[path] += 1
        body = f"{path} #{served[path]}\n".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_HEAD = do_GET

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
