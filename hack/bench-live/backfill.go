package main

import (
	"fmt"
	"io"
	"time"
)

// HistoryMetric is the counter load-target exports; the backfilled history is one more series of it, so
// sum(rate(...)) reads history and live pods as one demand.
const HistoryMetric = "load_target_requests_total"

// WriteBackfill writes the stretch as OpenMetrics for promtool: the counter's value every wall second from
// wallStart, trace minute i lasting segment at scale * Counts[i] requests per second, as the pacer sends it.
func WriteBackfill(w io.Writer, s Stretch, segment time.Duration, scale float64, wallStart time.Time) error {
	if _, err := fmt.Fprintf(w, "# TYPE %s counter\n", HistoryMetric[:len(HistoryMetric)-len("_total")]); err != nil {
		return err
	}
	p := TracePacer{Counts: s.Counts, Segment: segment, Scale: scale}
	for at := time.Duration(0); at < p.Duration(); at += time.Second {
		if _, err := fmt.Fprintf(w, "%s{pod=\"history\"} %.3f %d\n", HistoryMetric, p.expected(at),
			wallStart.Add(at).Unix()); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(w, "# EOF")
	return err
}
