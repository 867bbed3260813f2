package main

import (
	"fmt"
	"io"
	"net/http"
	"sort"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// Second is what the requests sent in one wall second got.
type Second struct {
	Sent, Failed, OverSlo int
	LatenciesMs           []float64 // of the answered requests
}

// Replay sends the pacer's requests to target and groups the results by the wall second since recordFrom each was
// sent in, for recordFor (requests sent before recordFrom, the warm-up, are not recorded).
func Replay(target string, pacer TracePacer, timeout, slo time.Duration, recordFrom time.Time,
	recordFor time.Duration) []Second {
	attacker := vegeta.NewAttacker(vegeta.KeepAlive(false), vegeta.Timeout(timeout), vegeta.Workers(32),
		vegeta.MaxWorkers(2000), vegeta.Redirects(vegeta.NoFollow))
	targeter := vegeta.NewStaticTargeter(vegeta.Target{Method: http.MethodGet, URL: target})
	seconds := make([]Second, int((recordFor+time.Second-1)/time.Second))
	for r := range attacker.Attack(targeter, pacer, pacer.Duration(), "bench-live") {
		since := r.Timestamp.Sub(recordFrom)
		i := int(since / time.Second)
		if since < 0 || i >= len(seconds) {
			continue
		}
		s := &seconds[i]
		s.Sent++
		if r.Error != "" || r.Code < 200 || r.Code > 299 {
			s.Failed++
			continue
		}
		s.LatenciesMs = append(s.LatenciesMs, float64(r.Latency)/float64(time.Millisecond))
		if r.Latency > slo {
			s.OverSlo++
		}
	}
	return seconds
}

// Sum adds every second up.
func Sum(seconds []Second) Second {
	var total Second
	for _, s := range seconds {
		total.Sent += s.Sent
		total.Failed += s.Failed
		total.OverSlo += s.OverSlo
	}
	return total
}

// WriteSeconds writes one CSV row per recorded wall second (the first begins warm into the pacer's stretch): the
// trace minute it replays, counted from the end of the warm-up, the rate asked for, and what its requests got.
func WriteSeconds(w io.Writer, seconds []Second, pacer TracePacer, warm time.Duration) error {
	if _, err := fmt.Fprintln(w, "second,trace_minute,target_rps,sent,failed,over_slo,p50_ms,p95_ms,max_ms"); err != nil {
		return err
	}
	for i, s := range seconds {
		at := warm + time.Duration(i)*time.Second
		if at >= pacer.Duration() {
			break
		}
		sort.Float64s(s.LatenciesMs)
		_, err := fmt.Fprintf(w, "%d,%d,%.2f,%d,%d,%d,%.1f,%.1f,%.1f\n", i, int((at-warm)/pacer.Segment), pacer.Rate(at),
			s.Sent, s.Failed, s.OverSlo, quantile(s.LatenciesMs, 0.5), quantile(s.LatenciesMs, 0.95),
			quantile(s.LatenciesMs, 1))
		if err != nil {
			return err
		}
	}
	return nil
}

// quantile is the nearest-rank quantile of sorted values; 0 when there are none.
func quantile(sorted []float64, q float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(q*float64(len(sorted))+0.999999) - 1
	return sorted[max(0, min(rank, len(sorted)-1))]
}
