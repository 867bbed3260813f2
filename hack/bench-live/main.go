// The load driver of `make bench-live` (hack/bench-live.sh): replays a stretch of a lab trace in compressed
// time against a URL with vegeta (open loop, a new connection per request so that kube-proxy spreads them over
// the pods, as many independent clients would), and writes what each wall second saw; or writes the stretch
// before it as OpenMetrics history for promtool, at the request rate the replay would have sent.
//
//	bench-live replay   -trace T -from "1995-07-06 07:00:00" -minutes 96 -compression 12 -scale 2 \
//	                    -warmup 6 -start UNIX -target http://10.96.0.10/ -slo 250ms -out requests.csv
//	bench-live backfill -trace T -from "1995-07-06 07:00:00" -minutes 720 -compression 12 -scale 2 \
//	                    -start UNIX -out history.om
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"time"
)

func main() {
	if len(os.Args) < 2 {
		log.Fatal("usage: bench-live replay|backfill [flags]")
	}
	flags := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	tracePath := flags.String("trace", "", "gzipped per-minute trace (lab/traces)")
	from := flags.String("from", "", "first trace minute, \"2006-01-02 15:04:05\"")
	minutes := flags.Int("minutes", 0, "trace minutes")
	compression := flags.Float64("compression", 12, "trace seconds per wall second")
	scale := flags.Float64("scale", 1, "wall requests per second per trace request per minute")
	start := flags.Int64("start", 0, "wall-clock Unix second at which the first trace minute begins")
	warmup := flags.Int("warmup", 0, "trace minutes before -from replayed first, unrecorded, so the pods see load before the stretch (replay)")
	out := flags.String("out", "", "output file")
	target := flags.String("target", "", "URL to load (replay)")
	slo := flags.Duration("slo", 250*time.Millisecond, "latency objective (replay)")
	timeout := flags.Duration("timeout", 2*time.Second, "deadline of one request, connection included (replay)")
	_ = flags.Parse(os.Args[2:])
	if *tracePath == "" || *from == "" || *minutes <= 0 || *start <= 0 || *out == "" || *compression <= 0 {
		log.Fatal("-trace, -from, -minutes, -start and -out are required")
	}
	first, err := time.Parse(minuteLayout, *from)
	if err != nil {
		log.Fatal(err)
	}
	stretch, err := LoadStretch(*tracePath, first.Add(-time.Duration(*warmup)*time.Minute), *minutes+*warmup)
	if err != nil {
		log.Fatal(err)
	}
	segment := time.Duration(float64(time.Minute) / *compression)
	wallStart := time.Unix(*start, 0)
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(f)
	switch os.Args[1] {
	case "backfill":
		err = WriteBackfill(w, stretch, segment, *scale, wallStart)
	case "replay":
		if *target == "" {
			log.Fatal("-target is required")
		}
		pacer := TracePacer{Counts: stretch.Counts, Segment: segment, Scale: *scale}
		warm := time.Duration(*warmup) * segment
		time.Sleep(time.Until(wallStart.Add(-warm)))
		seconds := Replay(*target, pacer, *timeout, *slo, wallStart, pacer.Duration()-warm)
		err = WriteSeconds(w, seconds, pacer, warm)
		total := Sum(seconds)
		fmt.Fprintf(os.Stderr, "sent %d, failed %d, over %v %d\n", total.Sent, total.Failed, *slo, total.OverSlo)
	default:
		log.Fatalf("unknown command %q: replay or backfill", os.Args[1])
	}
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = f.Close()
	}
	if err != nil {
		log.Fatal(err)
	}
}
