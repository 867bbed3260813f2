package main

import (
	"strings"
	"testing"
	"time"
)

func TestBackfillCountsWhatThePacerWouldHaveSent(t *testing.T) {
	var b strings.Builder
	s := Stretch{Counts: []float64{60, 120}}
	start := time.Unix(1000, 0)
	if err := WriteBackfill(&b, s, 2*time.Second, 0.5, start); err != nil {
		t.Fatal(err)
	}
	want := "# TYPE load_target_requests counter\n" +
		"load_target_requests_total{pod=\"history\"} 0.000 1000\n" +
		"load_target_requests_total{pod=\"history\"} 30.000 1001\n" +
		"load_target_requests_total{pod=\"history\"} 60.000 1002\n" +
		"load_target_requests_total{pod=\"history\"} 120.000 1003\n" +
		"# EOF\n"
	if b.String() != want {
		t.Fatalf("got\n%s\nwant\n%s", b.String(), want)
	}
}
