#!/usr/bin/env python3
"""Replays a per-minute request trace as if it were happening now, for the demo's Prometheus.

  replay_trace.py backfill CSV TRACE_NOW LABELS OUT   week before TRACE_NOW as OpenMetrics (for promtool)
  replay_trace.py serve CSV TRACE_NOW PORT             serves the trace's current minute at /metrics

TRACE_NOW (e.g. 1995-08-10T06:30) is mapped to the current wall-clock minute; both commands use the
same mapping, so backfilled history and live samples join into one series.
"""
import csv
import http.server
import sys
import time
from datetime import datetime, timedelta, timezone

METRIC = "nasa_requests_per_minute"


def load(path):
    with open(path) as f:
        rows = csv.reader(f)
        next(rows)
        return {datetime.strptime(m, "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc): float(c) for m, c in rows}


def shift(trace_now):
    now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    return now - datetime.fromisoformat(trace_now).replace(tzinfo=timezone.utc)


def backfill(counts, trace_now, labels, out):
    offset = shift(trace_now)
    end = datetime.fromisoformat(trace_now).replace(tzinfo=timezone.utc)
    t = end - timedelta(days=7)
    with open(out, "w") as f:
        f.write(f"# TYPE {METRIC} gauge\n")
        while t < end:
            f.write(f"{METRIC}{labels} {counts.get(t, 0.0)} {int((t + offset).timestamp())}\n")
            t += timedelta(minutes=1)
        f.write("# EOF\n")


def serve(counts, trace_now, port):
    offset = shift(trace_now)

    class Metrics(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            minute = (datetime.now(timezone.utc) - offset).replace(second=0, microsecond=0)
            body = f"# TYPE {METRIC} gauge\n{METRIC} {counts.get(minute, 0.0)}\n".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; version=0.0.4")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    http.server.HTTPServer(("127.0.0.1", int(port)), Metrics).serve_forever()


if __name__ == "__main__":
    command, path, trace_now, *rest = sys.argv[1:]
    counts = load(path)
    if command == "backfill":
        backfill(counts, trace_now, *rest)
    else:
        serve(counts, trace_now, *rest)
